(translation_unit
  (preproc_include
    path: (system_lib_string))
  (preproc_include
    path: (system_lib_string))
  (preproc_include
    path: (system_lib_string))
  (preproc_include
    path: (system_lib_string))
  (preproc_include
    path: (system_lib_string))
  (namespace_definition
    name: (namespace_identifier)
    body: (declaration_list
      (template_declaration
        parameters: (template_parameter_list
          (type_parameter_declaration
            (type_identifier)))
        (class_specifier
          name: (type_identifier)
          body: (field_declaration_list
            (access_specifier)
            (function_definition
              type: (primitive_type)
              declarator: (function_declarator
                declarator: (field_identifier)
                parameters: (parameter_list
                  (parameter_declaration
                    (type_qualifier)
                    type: (type_identifier)
                    declarator: (reference_declarator
                      (identifier)))))
              body: (compound_statement
                (expression_statement
                  (update_expression
                    argument: (subscript_expression
                      argument: (identifier)
                      indices: (subscript_argument_list
                        (identifier)))))))
            (function_definition
              type: (qualified_identifier
                scope: (namespace_identifier)
                name: (template_type
                  name: (type_identifier)
                  arguments: (template_argument_list
                    (type_descriptor
                      type: (qualified_identifier
                        scope: (namespace_identifier)
                        name: (template_type
                          name: (type_identifier)
                          arguments: (template_argument_list
                            (type_descriptor
                              type: (type_identifier))
                            (type_descriptor
                              type: (primitive_type)))))))))
              declarator: (function_declarator
                declarator: (field_identifier)
                parameters: (parameter_list
                  (parameter_declaration
                    type: (qualified_identifier
                      scope: (namespace_identifier)
                      name: (type_identifier))
                    declarator: (identifier)))
                (type_qualifier))
              body: (compound_statement
                (declaration
                  type: (qualified_identifier
                    scope: (namespace_identifier)
                    name: (template_type
                      name: (type_identifier)
                      arguments: (template_argument_list
                        (type_descriptor
                          type: (qualified_identifier
                            scope: (namespace_identifier)
                            name: (template_type
                              name: (type_identifier)
                              arguments: (template_argument_list
                                (type_descriptor
                                  type: (type_identifier))
                                (type_descriptor
                                  type: (primitive_type)))))))))
                  declarator: (init_declarator
                    declarator: (identifier)
                    value: (argument_list
                      (call_expression
                        function: (field_expression
                          argument: (identifier)
                          field: (field_identifier))
                        arguments: (argument_list))
                      (call_expression
                        function: (field_expression
                          argument: (identifier)
                          field: (field_identifier))
                        arguments: (argument_list)))))
                (expression_statement
                  (call_expression
                    function: (qualified_identifier
                      scope: (namespace_identifier)
                      name: (identifier))
                    arguments: (argument_list
                      (call_expression
                        function: (field_expression
                          argument: (identifier)
                          field: (field_identifier))
                        arguments: (argument_list))
                      (call_expression
                        function: (field_expression
                          argument: (identifier)
                          field: (field_identifier))
                        arguments: (argument_list))
                      (lambda_expression
                        captures: (lambda_capture_specifier)
                        declarator: (abstract_function_declarator
                          parameters: (parameter_list
                            (parameter_declaration
                              (type_qualifier)
                              type: (placeholder_type_specifier
                                (auto))
                              declarator: (reference_declarator
                                (identifier)))
                            (parameter_declaration
                              (type_qualifier)
                              type: (placeholder_type_specifier
                                (auto))
                              declarator: (reference_declarator
                                (identifier)))))
                        body: (compound_statement
                          (return_statement
                            (binary_expression
                              left: (field_expression
                                argument: (identifier)
                                field: (field_identifier))
                              right: (field_expression
                                argument: (identifier)
                                field: (field_identifier)))))))))
                (if_statement
                  condition: (condition_clause
                    value: (binary_expression
                      left: (call_expression
                        function: (field_expression
                          argument: (identifier)
                          field: (field_identifier))
                        arguments: (argument_list))
                      right: (identifier)))
                  consequence: (expression_statement
                    (call_expression
                      function: (field_expression
                        argument: (identifier)
                        field: (field_identifier))
                      arguments: (argument_list
                        (identifier)))))
                (return_statement
                  (identifier))))
            (access_specifier)
            (field_declaration
              type: (qualified_identifier
                scope: (namespace_identifier)
                name: (template_type
                  name: (type_identifier)
                  arguments: (template_argument_list
                    (type_descriptor
                      type: (type_identifier))
                    (type_descriptor
                      type: (primitive_type)))))
              declarator: (field_identifier)))))))
  (comment)
  (function_definition
    type: (primitive_type)
    declarator: (function_declarator
      declarator: (identifier)
      parameters: (parameter_list))
    body: (compound_statement
      (declaration
        type: (qualified_identifier
          scope: (namespace_identifier)
          name: (template_type
            name: (type_identifier)
            arguments: (template_argument_list
              (type_descriptor
                type: (qualified_identifier
                  scope: (namespace_identifier)
                  name: (type_identifier))))))
        declarator: (identifier))
      (for_statement
        initializer: (declaration
          type: (qualified_identifier
            scope: (namespace_identifier)
            name: (type_identifier))
          declarator: (identifier))
        condition: (binary_expression
          left: (qualified_identifier
            scope: (namespace_identifier)
            name: (identifier))
          right: (identifier))
        body: (compound_statement
          (expression_statement
            (call_expression
              function: (field_expression
                argument: (identifier)
                field: (field_identifier))
              arguments: (argument_list
                (identifier))))))
      (for_range_loop
        (type_qualifier)
        type: (placeholder_type_specifier
          (auto))
        declarator: (reference_declarator
          (structured_binding_declarator
            (identifier)
            (identifier)))
        right: (call_expression
          function: (field_expression
            argument: (identifier)
            field: (field_identifier))
          arguments: (argument_list
            (number_literal)))
        body: (compound_statement
          (expression_statement
            (binary_expression
              left: (binary_expression
                left: (binary_expression
                  left: (binary_expression
                    left: (qualified_identifier
                      scope: (namespace_identifier)
                      name: (identifier))
                    right: (identifier))
                  right: (string_literal
                    (string_content)))
                right: (identifier))
              right: (char_literal
                (escape_sequence))))))
      (return_statement
        (number_literal)))))
