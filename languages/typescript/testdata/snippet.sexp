(program
  (export_statement
    declaration: (interface_declaration
      name: (type_identifier)
      body: (interface_body
        (property_signature
          name: (property_identifier)
          type: (type_annotation
            (predefined_type)))
        (property_signature
          name: (property_identifier)
          type: (type_annotation
            (predefined_type)))
        (property_signature
          name: (property_identifier)
          type: (type_annotation
            (predefined_type))))))
  (type_alias_declaration
    name: (type_identifier)
    type_parameters: (type_parameters
      (type_parameter
        name: (type_identifier))
      (type_parameter
        name: (type_identifier)
        value: (default_type
          (type_identifier))))
    value: (union_type
      (object_type
        (property_signature
          name: (property_identifier)
          type: (type_annotation
            (literal_type
              (true))))
        (property_signature
          name: (property_identifier)
          type: (type_annotation
            (type_identifier))))
      (object_type
        (property_signature
          name: (property_identifier)
          type: (type_annotation
            (literal_type
              (false))))
        (property_signature
          name: (property_identifier)
          type: (type_annotation
            (type_identifier))))))
  (export_statement
    declaration: (enum_declaration
      name: (identifier)
      body: (enum_body
        (enum_assignment
          name: (property_identifier)
          value: (string
            (string_fragment)))
        (enum_assignment
          name: (property_identifier)
          value: (string
            (string_fragment))))))
  (export_statement
    declaration: (class_declaration
      name: (type_identifier)
      body: (class_body
        (public_field_definition
          (accessibility_modifier)
          name: (property_identifier)
          value: (new_expression
            constructor: (identifier)
            type_arguments: (type_arguments
              (predefined_type)
              (type_identifier))
            arguments: (arguments)))
        (method_definition
          name: (property_identifier)
          parameters: (formal_parameters
            (required_parameter
              (accessibility_modifier)
              pattern: (identifier)
              type: (type_annotation
                (function_type
                  parameters: (formal_parameters
                    (required_parameter
                      pattern: (identifier)
                      type: (type_annotation
                        (predefined_type))))
                  return_type: (predefined_type)))))
          body: (statement_block))
        (method_definition
          name: (property_identifier)
          parameters: (formal_parameters
            (required_parameter
              pattern: (identifier)
              type: (type_annotation
                (type_identifier))))
          return_type: (type_annotation
            (generic_type
              name: (type_identifier)
              type_arguments: (type_arguments
                (type_identifier))))
          body: (statement_block
            (if_statement
              condition: (parenthesized_expression
                (call_expression
                  function: (member_expression
                    object: (member_expression
                      object: (this)
                      property: (property_identifier))
                    property: (property_identifier))
                  arguments: (arguments
                    (member_expression
                      object: (identifier)
                      property: (property_identifier)))))
              consequence: (statement_block
                (return_statement
                  (object
                    (pair
                      key: (property_identifier)
                      value: (false))
                    (pair
                      key: (property_identifier)
                      value: (new_expression
                        constructor: (identifier)
                        arguments: (arguments
                          (template_string
                            (string_fragment)
                            (template_substitution
                              (member_expression
                                object: (identifier)
                                property: (property_identifier)))))))))))
            (expression_statement
              (call_expression
                function: (member_expression
                  object: (member_expression
                    object: (this)
                    property: (property_identifier))
                  property: (property_identifier))
                arguments: (arguments
                  (member_expression
                    object: (identifier)
                    property: (property_identifier))
                  (identifier))))
            (expression_statement
              (call_expression
                function: (member_expression
                  object: (this)
                  property: (property_identifier))
                arguments: (arguments
                  (template_string
                    (string_fragment)
                    (template_substitution
                      (member_expression
                        object: (identifier)
                        property: (property_identifier)))))))
            (return_statement
              (object
                (pair
                  key: (property_identifier)
                  value: (true))
                (pair
                  key: (property_identifier)
                  value: (identifier))))))
        (method_definition
          name: (property_identifier)
          type_parameters: (type_parameters
            (type_parameter
              name: (type_identifier)
              constraint: (constraint
                (index_type_query
                  (type_identifier)))))
          parameters: (formal_parameters
            (required_parameter
              pattern: (identifier)
              type: (type_annotation
                (type_identifier)))
            (required_parameter
              pattern: (identifier)
              type: (type_annotation
                (lookup_type
                  (type_identifier)
                  (type_identifier)))))
          return_type: (type_annotation
            (union_type
              (type_identifier)
              (literal_type
                (undefined))))
          body: (statement_block
            (for_in_statement
              left: (identifier)
              right: (call_expression
                function: (member_expression
                  object: (member_expression
                    object: (this)
                    property: (property_identifier))
                  property: (property_identifier))
                arguments: (arguments))
              body: (statement_block
                (if_statement
                  condition: (parenthesized_expression
                    (binary_expression
                      left: (subscript_expression
                        object: (identifier)
                        index: (identifier))
                      right: (identifier)))
                  consequence: (return_statement
                    (identifier)))))
            (return_statement
              (undefined))))))))
