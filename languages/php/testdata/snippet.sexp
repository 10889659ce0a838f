(program
  (php_tag)
  (declare_statement
    (declare_directive
      (integer)))
  (namespace_definition
    name: (namespace_name
      (name)
      (name)))
  (namespace_use_declaration
    (namespace_use_clause
      (name)))
  (class_declaration
    (final_modifier)
    name: (name)
    body: (declaration_list
      (comment)
      (property_declaration
        (visibility_modifier)
        type: (primitive_type)
        (property_element
          name: (variable_name
            (name))
          default_value: (array_creation_expression)))
      (method_declaration
        (visibility_modifier)
        name: (name)
        parameters: (formal_parameters
          (simple_parameter
            type: (primitive_type)
            name: (variable_name
              (name)))
          (simple_parameter
            type: (primitive_type)
            name: (variable_name
              (name))))
        return_type: (named_type
          (name))
        body: (compound_statement
          (expression_statement
            (assignment_expression
              left: (subscript_expression
                (member_access_expression
                  object: (variable_name
                    (name))
                  name: (name))
                (binary_expression
                  left: (string
                    (string_content))
                  right: (variable_name
                    (name))))
              right: (variable_name
                (name))))
          (return_statement
            (variable_name
              (name)))))
      (method_declaration
        (visibility_modifier)
        name: (name)
        parameters: (formal_parameters
          (simple_parameter
            type: (primitive_type)
            name: (variable_name
              (name)))
          (simple_parameter
            type: (primitive_type)
            name: (variable_name
              (name))))
        return_type: (primitive_type)
        body: (compound_statement
          (expression_statement
            (assignment_expression
              left: (variable_name
                (name))
              right: (binary_expression
                left: (binary_expression
                  left: (function_call_expression
                    function: (name)
                    arguments: (arguments
                      (argument
                        (variable_name
                          (name)))))
                  right: (string
                    (string_content)))
                right: (variable_name
                  (name)))))
          (if_statement
            condition: (parenthesized_expression
              (unary_op_expression
                argument: (function_call_expression
                  function: (name)
                  arguments: (arguments
                    (argument
                      (subscript_expression
                        (member_access_expression
                          object: (variable_name
                            (name))
                          name: (name))
                        (variable_name
                          (name))))))))
            body: (compound_statement
              (expression_statement
                (throw_expression
                  (object_creation_expression
                    (name)
                    (arguments
                      (argument
                        (encapsed_string
                          (string_content)
                          (variable_name
                            (name))))))))))
          (return_statement
            (function_call_expression
              function: (parenthesized_expression
                (subscript_expression
                  (member_access_expression
                    object: (variable_name
                      (name))
                    name: (name))
                  (variable_name
                    (name))))
              arguments: (arguments)))))))
  (expression_statement
    (assignment_expression
      left: (variable_name
        (name))
      right: (member_call_expression
        object: (parenthesized_expression
          (object_creation_expression
            (name)
            (arguments)))
        name: (name)
        arguments: (arguments
          (argument
            (string
              (string_content)))
          (argument
            (arrow_function
              parameters: (formal_parameters)
              body: (string
                (string_content))))))))
  (echo_statement
    (sequence_expression
      (member_call_expression
        object: (variable_name
          (name))
        name: (name)
        arguments: (arguments
          (argument
            (string
              (string_content)))
          (argument
            (string
              (string_content)))))
      (name))))
