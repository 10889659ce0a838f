(signature name: (variable)) @local.definition
(function name: (variable)) @local.definition
(pattern/variable) @local.definition
(expression/variable) @local.reference
