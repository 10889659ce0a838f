(program
  (import_statement
    (import_clause
      (named_imports
        (import_specifier
          name: (identifier))))
    source: (string
      (string_fragment)))
  (comment)
  (export_statement
    declaration: (function_declaration
      name: (identifier)
      parameters: (formal_parameters
        (identifier))
      body: (statement_block
        (lexical_declaration
          (variable_declarator
            name: (identifier)
            value: (await_expression
              (call_expression
                function: (identifier)
                arguments: (arguments
                  (identifier)
                  (string
                    (string_fragment)))))))
        (lexical_declaration
          (variable_declarator
            name: (identifier)
            value: (new_expression
              constructor: (identifier)
              arguments: (arguments))))
        (for_in_statement
          left: (identifier)
          right: (call_expression
            function: (member_expression
              object: (call_expression
                function: (member_expression
                  object: (identifier)
                  property: (property_identifier))
                arguments: (arguments))
              property: (property_identifier))
            arguments: (arguments
              (regex
                pattern: (regex_pattern))))
          body: (statement_block
            (if_statement
              condition: (parenthesized_expression
                (unary_expression
                  argument: (identifier)))
              consequence: (continue_statement))
            (expression_statement
              (call_expression
                function: (member_expression
                  object: (identifier)
                  property: (property_identifier))
                arguments: (arguments
                  (identifier)
                  (binary_expression
                    left: (parenthesized_expression
                      (binary_expression
                        left: (call_expression
                          function: (member_expression
                            object: (identifier)
                            property: (property_identifier))
                          arguments: (arguments
                            (identifier)))
                        right: (number)))
                    right: (number)))))))
        (return_statement
          (identifier)))))
  (class_declaration
    name: (identifier)
    body: (class_body
      member: (field_definition
        property: (private_property_identifier)
        value: (number))
      member: (field_definition
        property: (property_identifier)
        value: (arrow_function
          parameters: (formal_parameters)
          body: (update_expression
            argument: (member_expression
              object: (this)
              property: (private_property_identifier)))))
      member: (method_definition
        name: (property_identifier)
        parameters: (formal_parameters)
        body: (statement_block
          (return_statement
            (member_expression
              object: (this)
              property: (private_property_identifier)))))))
  (lexical_declaration
    (variable_declarator
      name: (identifier)
      value: (arrow_function
        parameters: (formal_parameters
          (identifier)
          (assignment_pattern
            left: (identifier)
            right: (number)))
        body: (call_expression
          function: (member_expression
            object: (call_expression
              function: (member_expression
                object: (array
                  (spread_element
                    (call_expression
                      function: (member_expression
                        object: (identifier)
                        property: (property_identifier))
                      arguments: (arguments))))
                property: (property_identifier))
              arguments: (arguments
                (arrow_function
                  parameters: (formal_parameters
                    (array_pattern
                      (identifier))
                    (array_pattern
                      (identifier)))
                  body: (binary_expression
                    left: (identifier)
                    right: (identifier)))))
            property: (property_identifier))
          arguments: (arguments
            (number)
            (identifier))))))
  (expression_statement
    (call_expression
      function: (member_expression
        object: (identifier)
        property: (property_identifier))
      arguments: (arguments
        (template_string
          (string_fragment)
          (template_substitution
            (call_expression
              function: (member_expression
                object: (identifier)
                property: (property_identifier))
              arguments: (arguments
                (call_expression
                  function: (identifier)
                  arguments: (arguments
                    (new_expression
                      constructor: (identifier)
                      arguments: (arguments
                        (array
                          (array
                            (string
                              (string_fragment))
                            (number)))))))))))
        (member_expression
          object: (new_expression
            constructor: (identifier)
            arguments: (arguments))
          property: (property_identifier))))))
