(compilation_unit
  (package_clause
    name: (package_identifier
      (identifier)))
  (import_declaration
    path: (identifier)
    path: (identifier)
    path: (identifier))
  (trait_definition
    (modifiers)
    name: (identifier))
  (class_definition
    (modifiers)
    name: (identifier)
    class_parameters: (class_parameters
      (class_parameter
        name: (identifier)
        type: (type_identifier)))
    extend: (extends_clause
      type: (type_identifier)))
  (class_definition
    (modifiers)
    name: (identifier)
    class_parameters: (class_parameters
      (class_parameter
        name: (identifier)
        type: (type_identifier))
      (class_parameter
        name: (identifier)
        type: (type_identifier)))
    extend: (extends_clause
      type: (type_identifier)))
  (object_definition
    name: (identifier)
    body: (template_body
      (function_definition
        name: (identifier)
        parameters: (parameters
          (parameter
            name: (identifier)
            type: (type_identifier)))
        return_type: (type_identifier)
        body: (match_expression
          value: (identifier)
          body: (case_block
            (case_clause
              pattern: (case_class_pattern
                type: (type_identifier)
                pattern: (identifier))
              body: (infix_expression
                left: (infix_expression
                  left: (field_expression
                    value: (identifier)
                    field: (identifier))
                  operator: (operator_identifier)
                  right: (identifier))
                operator: (operator_identifier)
                right: (identifier)))
            (case_clause
              pattern: (case_class_pattern
                type: (type_identifier)
                pattern: (identifier)
                pattern: (identifier))
              body: (infix_expression
                left: (identifier)
                operator: (operator_identifier)
                right: (identifier))))))
      (function_definition
        name: (identifier)
        parameters: (parameters
          (parameter
            name: (identifier)
            type: (generic_type
              type: (type_identifier)
              type_arguments: (type_arguments
                (type_identifier)))))
        return_type: (generic_type
          type: (type_identifier)
          type_arguments: (type_arguments
            (type_identifier)))
        body: (indented_block
          (if_expression
            condition: (parenthesized_expression
              (field_expression
                value: (identifier)
                field: (identifier)))
            consequence: (identifier)
            alternative: (call_expression
              function: (identifier)
              arguments: (arguments
                (call_expression
                  function: (field_expression
                    value: (identifier)
                    field: (identifier))
                  arguments: (arguments
                    (identifier))))))))
      (function_definition
        name: (identifier)
        parameters: (parameters
          (parameter
            name: (identifier)
            type: (generic_type
              type: (type_identifier)
              type_arguments: (type_arguments
                (type_identifier)))))
        return_type: (type_identifier)
        body: (block
          (val_definition
            pattern: (identifier)
            value: (generic_function
              function: (field_expression
                value: (field_expression
                  value: (identifier)
                  field: (identifier))
                field: (identifier))
              type_arguments: (type_arguments
                (type_identifier))))
          (val_definition
            pattern: (identifier)
            value: (call_expression
              function: (identifier)
              arguments: (arguments
                (call_expression
                  function: (identifier)
                  arguments: (arguments
                    (floating_point_literal)))
                (call_expression
                  function: (identifier)
                  arguments: (arguments
                    (floating_point_literal)
                    (floating_point_literal))))))
          (for_expression
            enumerators: (enumerators
              (enumerator
                (identifier)
                (identifier)
                (guard
                  condition: (call_expression
                    function: (field_expression
                      value: (identifier)
                      field: (identifier))
                    arguments: (arguments
                      (field_expression
                        value: (identifier)
                        field: (identifier)))))))
            body: (block
              (call_expression
                function: (identifier)
                arguments: (arguments
                  (interpolated_string_expression
                    interpolator: (identifier)
                    (interpolated_string
                      (interpolation
                        (identifier))
                      (interpolation
                        (block
                          (call_expression
                            function: (identifier)
                            arguments: (arguments
                              (identifier)))))))))))
          (call_expression
            function: (field_expression
              value: (call_expression
                function: (identifier)
                arguments: (arguments
                  (identifier)))
              field: (identifier))
            arguments: (arguments
              (identifier))))))))
