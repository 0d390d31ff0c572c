// dropdown menus open on hover and on focus (focus-within in the style sheet); nothing else
