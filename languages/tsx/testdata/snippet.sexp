(program
  (import_statement
    (import_clause
      (identifier)
      (named_imports
        (import_specifier
          name: (identifier))))
    source: (string
      (string_fragment)))
  (interface_declaration
    name: (type_identifier)
    body: (interface_body
      (property_signature
        name: (property_identifier)
        type: (type_annotation
          (array_type
            (predefined_type))))
      (property_signature
        name: (property_identifier)
        type: (type_annotation
          (function_type
            parameters: (formal_parameters
              (required_parameter
                pattern: (identifier)
                type: (type_annotation
                  (predefined_type))))
            return_type: (predefined_type))))))
  (export_statement
    declaration: (function_declaration
      name: (identifier)
      parameters: (formal_parameters
        (required_parameter
          pattern: (object_pattern
            (shorthand_property_identifier_pattern)
            (shorthand_property_identifier_pattern))
          type: (type_annotation
            (type_identifier))))
      body: (statement_block
        (lexical_declaration
          (variable_declarator
            name: (array_pattern
              (identifier)
              (identifier))
            value: (call_expression
              function: (identifier)
              type_arguments: (type_arguments
                (array_type
                  (predefined_type)))
              arguments: (arguments
                (identifier)))))
        (lexical_declaration
          (variable_declarator
            name: (array_pattern
              (identifier)
              (identifier))
            value: (call_expression
              function: (identifier)
              arguments: (arguments
                (string)))))
        (lexical_declaration
          (variable_declarator
            name: (identifier)
            value: (arrow_function
              parameters: (formal_parameters
                (required_parameter
                  pattern: (identifier)
                  type: (type_annotation
                    (nested_type_identifier
                      module: (identifier)
                      name: (type_identifier)))))
              body: (statement_block
                (expression_statement
                  (call_expression
                    function: (member_expression
                      object: (identifier)
                      property: (property_identifier))
                    arguments: (arguments)))
                (if_statement
                  condition: (parenthesized_expression
                    (call_expression
                      function: (member_expression
                        object: (identifier)
                        property: (property_identifier))
                      arguments: (arguments)))
                  consequence: (expression_statement
                    (call_expression
                      function: (identifier)
                      arguments: (arguments
                        (array
                          (spread_element
                            (identifier))
                          (call_expression
                            function: (member_expression
                              object: (identifier)
                              property: (property_identifier))
                            arguments: (arguments)))))))
                (expression_statement
                  (call_expression
                    function: (identifier)
                    arguments: (arguments
                      (string))))))))
        (return_statement
          (parenthesized_expression
            (jsx_element
              open_tag: (jsx_opening_element
                name: (identifier)
                attribute: (jsx_attribute
                  (property_identifier)
                  (jsx_expression
                    (identifier))))
              (jsx_self_closing_element
                name: (identifier)
                attribute: (jsx_attribute
                  (property_identifier)
                  (jsx_expression
                    (identifier)))
                attribute: (jsx_attribute
                  (property_identifier)
                  (jsx_expression
                    (arrow_function
                      parameters: (formal_parameters
                        (required_parameter
                          pattern: (identifier)))
                      body: (call_expression
                        function: (identifier)
                        arguments: (arguments
                          (member_expression
                            object: (member_expression
                              object: (identifier)
                              property: (property_identifier))
                            property: (property_identifier))))))))
              (jsx_element
                open_tag: (jsx_opening_element
                  name: (identifier))
                (jsx_expression
                  (call_expression
                    function: (member_expression
                      object: (identifier)
                      property: (property_identifier))
                    arguments: (arguments
                      (arrow_function
                        parameters: (formal_parameters
                          (required_parameter
                            pattern: (identifier)))
                        body: (parenthesized_expression
                          (jsx_element
                            open_tag: (jsx_opening_element
                              name: (identifier)
                              attribute: (jsx_attribute
                                (property_identifier)
                                (jsx_expression
                                  (identifier)))
                              attribute: (jsx_attribute
                                (property_identifier)
                                (jsx_expression
                                  (arrow_function
                                    parameters: (formal_parameters)
                                    body: (call_expression
                                      function: (identifier)
                                      arguments: (arguments
                                        (identifier)))))))
                            (jsx_expression
                              (identifier))
                            close_tag: (jsx_closing_element
                              name: (identifier))))))))
                close_tag: (jsx_closing_element
                  name: (identifier)))
              close_tag: (jsx_closing_element
                name: (identifier)))))))))
