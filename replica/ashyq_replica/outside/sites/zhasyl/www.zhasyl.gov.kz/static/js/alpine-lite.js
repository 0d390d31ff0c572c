/*!
 * alpine-lite.js — the committee portal's small declarative helper (v1.3.2).
 * Supports the few directives the portal's templates use:
 *   x-data="{ ... }"          a component and its state (an object literal or JSON)
 *   x-show="expr"             shows the element while expr is true
 *   x-text="expr"             sets the element's text
 *   <template x-for="item in list"> / x-for="(item, i) in list"   repeats the template's content
 *   :attr="expr" / x-bind:attr="expr"   binds an attribute (:class takes an object of class names)
 *   @event="stmt" / x-on:event="stmt"   runs stmt on the event; modifiers .prevent, .outside, .escape
 *   x-cloak                   removed once the components are set up ([x-cloak]{display:none!important})
 */
(function () {
  'use strict';

  function evaluate(expr, scope, event) {
    try {
      return new Function('$scope', '$event', 'with ($scope) { return (' + expr + '); }')(scope, event);
    } catch (err) {
      if (window.console) console.warn('alpine-lite: cannot evaluate', expr, err);
      return undefined;
    }
  }

  function execute(stmt, scope, event) {
    try {
      new Function('$scope', '$event', 'with ($scope) { ' + stmt + '\n}')(scope, event);
    } catch (err) {
      if (window.console) console.warn('alpine-lite: cannot run', stmt, err);
    }
  }

  function Component(root) {
    this.root = root;
    this.state = evaluate(root.getAttribute('x-data') || '{}', {}) || {};
    this.bindings = [];
    this.walk(root, this.state, this.bindings);
    this.update();
  }

  Component.prototype.update = function () {
    this.bindings.forEach(function (binding) { binding(); });
  };

  Component.prototype.walk = function (el, scope, bindings) {
    if (el !== this.root && el.hasAttribute && el.hasAttribute('x-data')) return; // a component of its own
    if (el.tagName === 'TEMPLATE' && el.hasAttribute('x-for')) {
      bindings.push(this.loop(el, scope));
      return;
    }
    if (el.attributes) this.directives(el, scope, bindings);
    for (var child = el.firstElementChild; child; child = child.nextElementSibling) {
      this.walk(child, scope, bindings);
    }
  };

  Component.prototype.directives = function (el, scope, bindings) {
    var self = this;
    Array.prototype.slice.call(el.attributes).forEach(function (attr) {
      var name = attr.name, value = attr.value;
      if (name === 'x-show') {
        bindings.push(function () { el.style.display = evaluate(value, scope) ? '' : 'none'; });
      } else if (name === 'x-text') {
        bindings.push(function () {
          var text = evaluate(value, scope);
          el.textContent = text === undefined || text === null ? '' : String(text);
        });
      } else if (name.charAt(0) === ':' || name.indexOf('x-bind:') === 0) {
        var target = name.charAt(0) === ':' ? name.slice(1) : name.slice(7);
        bindings.push(function () { bind(el, target, evaluate(value, scope)); });
      } else if (name.charAt(0) === '@' || name.indexOf('x-on:') === 0) {
        var parts = (name.charAt(0) === '@' ? name.slice(1) : name.slice(5)).split('.');
        self.listen(el, parts[0], parts.slice(1), value, scope);
      }
    });
  };

  Component.prototype.listen = function (el, type, modifiers, stmt, scope) {
    var self = this;
    var handler = function (event) {
      if (modifiers.indexOf('outside') >= 0 && el.contains(event.target)) return;
      if (modifiers.indexOf('escape') >= 0 && event.key !== 'Escape') return;
      if (modifiers.indexOf('prevent') >= 0) event.preventDefault();
      execute(stmt, scope, event);
      self.update();
    };
    (modifiers.indexOf('outside') >= 0 ? document : el).addEventListener(type, handler);
  };

  Component.prototype.loop = function (template, scope) {
    var self = this;
    var match = template.getAttribute('x-for').match(/^\s*\(?\s*(\w+)\s*(?:,\s*(\w+)\s*)?\)?\s+in\s+(.+)$/);
    var rendered = [];
    var inner = [];
    return function () {
      rendered.forEach(function (node) { node.parentNode && node.parentNode.removeChild(node); });
      rendered = [];
      inner = [];
      if (!match) return;
      var list = evaluate(match[3], scope) || [];
      var anchor = template;
      Array.prototype.forEach.call(list, function (item, index) {
        var itemScope = Object.create(scope);
        itemScope[match[1]] = item;
        if (match[2]) itemScope[match[2]] = index;
        var fragment = template.content.cloneNode(true);
        Array.prototype.slice.call(fragment.children).forEach(function (node) {
          self.walk(node, itemScope, inner);
          rendered.push(node);
        });
        anchor.parentNode.insertBefore(fragment, anchor.nextSibling);
        anchor = rendered[rendered.length - 1] || anchor;
      });
      inner.forEach(function (binding) { binding(); });
    };
  };

  function bind(el, name, value) {
    if (name === 'class' && value && typeof value === 'object') {
      Object.keys(value).forEach(function (cls) { el.classList.toggle(cls, !!value[cls]); });
    } else if (name.indexOf('aria-') === 0) {
      el.setAttribute(name, String(!!value === value ? value : value));
    } else if (value === false || value === null || value === undefined) {
      el.removeAttribute(name);
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }

  function start() {
    Array.prototype.slice.call(document.querySelectorAll('[x-data]')).forEach(function (root) {
      root.__alpineLite = new Component(root);
    });
    Array.prototype.slice.call(document.querySelectorAll('[x-cloak]')).forEach(function (el) {
      el.removeAttribute('x-cloak');
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
