(source_file
  (comment)
  (package_clause
    (package_identifier))
  (import_declaration
    (import_spec_list
      (import_spec
        path: (interpreted_string_literal
          (interpreted_string_literal_content)))
      (import_spec
        path: (interpreted_string_literal
          (interpreted_string_literal_content)))))
  (comment)
  (var_declaration
    (var_spec
      name: (identifier)
      value: (expression_list
        (call_expression
          function: (selector_expression
            operand: (identifier)
            field: (field_identifier))
          arguments: (argument_list
            (interpreted_string_literal
              (interpreted_string_literal_content)))))))
  (comment)
  (type_declaration
    (type_spec
      name: (type_identifier)
      type_parameters: (type_parameter_list
        (type_parameter_declaration
          name: (identifier)
          type: (type_constraint
            (type_identifier))))
      type: (struct_type
        (field_declaration_list
          (field_declaration
            name: (field_identifier)
            type: (qualified_type
              package: (package_identifier)
              name: (type_identifier)))
          (field_declaration
            name: (field_identifier)
            type: (map_type
              key: (type_identifier)
              value: (type_identifier)))))))
  (comment)
  (function_declaration
    name: (identifier)
    type_parameters: (type_parameter_list
      (type_parameter_declaration
        name: (identifier)
        type: (type_constraint
          (type_identifier))))
    parameters: (parameter_list)
    result: (pointer_type
      (generic_type
        type: (type_identifier)
        type_arguments: (type_arguments
          (type_elem
            (type_identifier)))))
    body: (block
      (statement_list
        (return_statement
          (expression_list
            (unary_expression
              operand: (composite_literal
                type: (generic_type
                  type: (type_identifier)
                  type_arguments: (type_arguments
                    (type_elem
                      (type_identifier))))
                body: (literal_value
                  (keyed_element
                    key: (literal_element
                      (identifier))
                    value: (literal_element
                      (call_expression
                        function: (identifier)
                        arguments: (argument_list
                          (map_type
                            key: (type_identifier)
                            value: (type_identifier))))))))))))))
  (comment)
  (method_declaration
    receiver: (parameter_list
      (parameter_declaration
        name: (identifier)
        type: (pointer_type
          (generic_type
            type: (type_identifier)
            type_arguments: (type_arguments
              (type_elem
                (type_identifier)))))))
    name: (field_identifier)
    parameters: (parameter_list
      (parameter_declaration
        name: (identifier)
        type: (type_identifier)))
    result: (parameter_list
      (parameter_declaration
        type: (type_identifier))
      (parameter_declaration
        type: (type_identifier)))
    body: (block
      (statement_list
        (expression_statement
          (call_expression
            function: (selector_expression
              operand: (selector_expression
                operand: (identifier)
                field: (field_identifier))
              field: (field_identifier))
            arguments: (argument_list)))
        (defer_statement
          (call_expression
            function: (selector_expression
              operand: (selector_expression
                operand: (identifier)
                field: (field_identifier))
              field: (field_identifier))
            arguments: (argument_list)))
        (short_var_declaration
          left: (expression_list
            (identifier)
            (identifier))
          right: (expression_list
            (index_expression
              operand: (selector_expression
                operand: (identifier)
                field: (field_identifier))
              index: (identifier))))
        (if_statement
          condition: (unary_expression
            operand: (identifier))
          consequence: (block
            (statement_list
              (var_declaration
                (var_spec
                  name: (identifier)
                  type: (type_identifier)))
              (return_statement
                (expression_list
                  (identifier)
                  (identifier))))))
        (return_statement
          (expression_list
            (identifier)
            (nil))))))
  (comment)
  (method_declaration
    receiver: (parameter_list
      (parameter_declaration
        name: (identifier)
        type: (pointer_type
          (generic_type
            type: (type_identifier)
            type_arguments: (type_arguments
              (type_elem
                (type_identifier)))))))
    name: (field_identifier)
    parameters: (parameter_list)
    result: (slice_type
      element: (type_identifier))
    body: (block
      (statement_list
        (expression_statement
          (call_expression
            function: (selector_expression
              operand: (selector_expression
                operand: (identifier)
                field: (field_identifier))
              field: (field_identifier))
            arguments: (argument_list)))
        (defer_statement
          (call_expression
            function: (selector_expression
              operand: (selector_expression
                operand: (identifier)
                field: (field_identifier))
              field: (field_identifier))
            arguments: (argument_list)))
        (short_var_declaration
          left: (expression_list
            (identifier))
          right: (expression_list
            (call_expression
              function: (identifier)
              arguments: (argument_list
                (slice_type
                  element: (type_identifier))
                (int_literal)
                (call_expression
                  function: (identifier)
                  arguments: (argument_list
                    (selector_expression
                      operand: (identifier)
                      field: (field_identifier))))))))
        (for_statement
          (range_clause
            left: (expression_list
              (identifier))
            right: (selector_expression
              operand: (identifier)
              field: (field_identifier)))
          body: (block
            (statement_list
              (assignment_statement
                left: (expression_list
                  (identifier))
                right: (expression_list
                  (call_expression
                    function: (identifier)
                    arguments: (argument_list
                      (identifier)
                      (identifier))))))))
        (return_statement
          (expression_list
            (identifier)))))))
