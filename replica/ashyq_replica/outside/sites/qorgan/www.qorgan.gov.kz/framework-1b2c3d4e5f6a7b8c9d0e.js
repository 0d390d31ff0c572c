/*! For license information please see framework-1b2c3d4e5f6a7b8c9d0e.js.LICENSE.txt */
"use strict";(self.webpackChunkqorgan_gov_kz=self.webpackChunkqorgan_gov_kz||[]).push([[774],{
/* react, react-dom and @reach/router as the bundler emits them; the site's pages are pre-rendered and the app chunk only routes */
4448:function(e,t){t.version="18.2.0"},7294:function(e,t){t.__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED={};t.version="18.2.0"}
}]);
