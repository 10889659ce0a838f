(program
  (package_declaration
    (scoped_identifier
      scope: (scoped_identifier
        scope: (identifier)
        name: (identifier))
      name: (identifier)))
  (import_declaration
    (scoped_identifier
      scope: (scoped_identifier
        scope: (identifier)
        name: (identifier))
      name: (identifier)))
  (import_declaration
    (scoped_identifier
      scope: (scoped_identifier
        scope: (identifier)
        name: (identifier))
      name: (identifier)))
  (import_declaration
    (scoped_identifier
      scope: (scoped_identifier
        scope: (identifier)
        name: (identifier))
      name: (identifier)))
  (block_comment)
  (class_declaration
    (modifiers)
    name: (identifier)
    body: (class_body
      (record_declaration
        (modifiers)
        name: (identifier)
        parameters: (formal_parameters
          (formal_parameter
            type: (type_identifier)
            name: (identifier))
          (formal_parameter
            type: (type_identifier)
            name: (identifier))
          (formal_parameter
            type: (integral_type)
            name: (identifier)))
        body: (class_body))
      (field_declaration
        (modifiers)
        type: (generic_type
          (type_identifier)
          (type_arguments
            (type_identifier)))
        declarator: (variable_declarator
          name: (identifier)
          value: (object_creation_expression
            type: (generic_type
              (type_identifier)
              (type_arguments))
            arguments: (argument_list))))
      (method_declaration
        (modifiers)
        type: (void_type)
        name: (identifier)
        parameters: (formal_parameters
          (formal_parameter
            type: (type_identifier)
            name: (identifier)))
        body: (block
          (if_statement
            condition: (parenthesized_expression
              (binary_expression
                left: (identifier)
                right: (null_literal)))
            consequence: (block
              (throw_statement
                (object_creation_expression
                  type: (type_identifier)
                  arguments: (argument_list
                    (string_literal
                      (string_fragment)))))))
          (expression_statement
            (method_invocation
              object: (identifier)
              name: (identifier)
              arguments: (argument_list
                (identifier))))))
      (method_declaration
        (modifiers)
        type: (generic_type
          (type_identifier)
          (type_arguments
            (type_identifier)))
        name: (identifier)
        parameters: (formal_parameters
          (formal_parameter
            type: (type_identifier)
            name: (identifier)))
        body: (block
          (return_statement
            (method_invocation
              object: (method_invocation
                object: (method_invocation
                  object: (identifier)
                  name: (identifier)
                  arguments: (argument_list))
                name: (identifier)
                arguments: (argument_list
                  (lambda_expression
                    parameters: (identifier)
                    body: (method_invocation
                      object: (method_invocation
                        object: (identifier)
                        name: (identifier)
                        arguments: (argument_list))
                      name: (identifier)
                      arguments: (argument_list
                        (identifier))))))
              name: (identifier)
              arguments: (argument_list)))))
      (method_declaration
        (modifiers)
        type: (generic_type
          (type_identifier)
          (type_arguments
            (type_identifier)))
        name: (identifier)
        parameters: (formal_parameters
          (formal_parameter
            type: (integral_type)
            name: (identifier)))
        body: (block
          (local_variable_declaration
            type: (generic_type
              (type_identifier)
              (type_arguments
                (type_identifier)))
            declarator: (variable_declarator
              name: (identifier)
              value: (object_creation_expression
                type: (generic_type
                  (type_identifier)
                  (type_arguments))
                arguments: (argument_list))))
          (enhanced_for_statement
            type: (type_identifier)
            name: (identifier)
            value: (identifier)
            body: (block
              (if_statement
                condition: (parenthesized_expression
                  (binary_expression
                    left: (method_invocation
                      object: (identifier)
                      name: (identifier)
                      arguments: (argument_list))
                    right: (identifier)))
                consequence: (block
                  (expression_statement
                    (method_invocation
                      object: (identifier)
                      name: (identifier)
                      arguments: (argument_list
                        (identifier))))))))
          (return_statement
            (identifier))))
      (method_declaration
        (modifiers
          (marker_annotation
            name: (identifier)))
        type: (type_identifier)
        name: (identifier)
        parameters: (formal_parameters)
        body: (block
          (return_statement
            (binary_expression
              left: (binary_expression
                left: (string_literal
                  (string_fragment))
                right: (method_invocation
                  object: (identifier)
                  name: (identifier)
                  arguments: (argument_list)))
              right: (string_literal
                (string_fragment)))))))))
