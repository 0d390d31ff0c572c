// WebForms client script (trimmed): postbacks are sent by __doPostBack in each page
function WebForm_DoPostBackWithOptions(o){ __doPostBack(o.eventTarget, o.eventArgument); }
