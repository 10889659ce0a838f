(tag_name) @keyword
(type) @type
