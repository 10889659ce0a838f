(compilation_unit
  (using_directive
    (identifier))
  (using_directive
    (qualified_name
      qualifier: (qualified_name
        qualifier: (identifier)
        name: (identifier))
      name: (identifier)))
  (using_directive
    (qualified_name
      qualifier: (identifier)
      name: (identifier)))
  (namespace_declaration
    name: (qualified_name
      qualifier: (identifier)
      name: (identifier))
    body: (declaration_list
      (enum_declaration
        (modifier)
        name: (identifier)
        body: (enum_member_declaration_list
          (enum_member_declaration
            name: (identifier))
          (enum_member_declaration
            name: (identifier))
          (enum_member_declaration
            name: (identifier))))
      (record_declaration
        (modifier)
        name: (identifier)
        (parameter_list
          (parameter
            type: (predefined_type)
            name: (identifier))
          (parameter
            type: (predefined_type)
            name: (identifier))
          (parameter
            type: (predefined_type)
            name: (identifier))))
      (class_declaration
        (modifier)
        name: (identifier)
        body: (declaration_list
          (field_declaration
            (modifier)
            (modifier)
            (variable_declaration
              type: (generic_name
                (identifier)
                (type_argument_list
                  (identifier)))
              (variable_declarator
                name: (identifier)
                (implicit_object_creation_expression
                  (argument_list)))))
          (property_declaration
            (modifier)
            type: (identifier)
            name: (identifier)
            accessors: (accessor_list
              (accessor_declaration))
            value: (invocation_expression
              function: (member_access_expression
                expression: (identifier)
                name: (identifier))
              arguments: (argument_list)))
          (property_declaration
            (modifier)
            type: (identifier)
            name: (identifier)
            accessors: (accessor_list
              (accessor_declaration)
              (accessor_declaration
                (modifier)))
            value: (member_access_expression
              expression: (identifier)
              name: (identifier)))
          (property_declaration
            (modifier)
            type: (predefined_type)
            name: (identifier)
            value: (arrow_expression_clause
              (invocation_expression
                function: (member_access_expression
                  expression: (identifier)
                  name: (identifier))
                arguments: (argument_list
                  (argument
                    (lambda_expression
                      parameters: (implicit_parameter)
                      body: (binary_expression
                        left: (member_access_expression
                          expression: (identifier)
                          name: (identifier))
                        right: (member_access_expression
                          expression: (identifier)
                          name: (identifier)))))))))
          (method_declaration
            (modifier)
            returns: (predefined_type)
            name: (identifier)
            parameters: (parameter_list
              (parameter
                type: (identifier)
                name: (identifier)))
            body: (block
              (if_statement
                condition: (binary_expression
                  left: (member_access_expression
                    expression: (identifier)
                    name: (identifier))
                  right: (integer_literal))
                consequence: (throw_statement
                  (object_creation_expression
                    type: (identifier)
                    arguments: (argument_list
                      (argument
                        (invocation_expression
                          function: (identifier)
                          arguments: (argument_list
                            (argument
                              (identifier)))))))))
              (expression_statement
                (invocation_expression
                  function: (member_access_expression
                    expression: (identifier)
                    name: (identifier))
                  arguments: (argument_list
                    (argument
                      (identifier)))))))
          (method_declaration
            (modifier)
            (modifier)
            returns: (identifier)
            name: (identifier)
            parameters: (parameter_list
              (parameter
                type: (generic_name
                  (identifier)
                  (type_argument_list
                    (identifier)
                    (identifier)))
                name: (identifier)))
            body: (block
              (expression_statement
                (assignment_expression
                  left: (identifier)
                  right: (member_access_expression
                    expression: (identifier)
                    name: (identifier))))
              (expression_statement
                (await_expression
                  (invocation_expression
                    function: (identifier)
                    arguments: (argument_list
                      (argument)))))))
          (method_declaration
            (modifier)
            (modifier)
            returns: (predefined_type)
            name: (identifier)
            parameters: (parameter_list)
            body: (arrow_expression_clause
              (interpolated_string_expression
                (interpolation_start)
                (string_content)
                (interpolation
                  (interpolation_brace)
                  (identifier)
                  (interpolation_brace))
                (string_content)
                (interpolation
                  (interpolation_brace)
                  (member_access_expression
                    expression: (identifier)
                    name: (identifier))
                  (interpolation_brace))
                (string_content)
                (interpolation
                  (interpolation_brace)
                  (identifier)
                  (interpolation_format_clause)
                  (interpolation_brace))))))))))
