(module
  (expression_statement
    (string
      (string_start)
      (string_content)
      (string_end)))
  (future_import_statement
    name: (dotted_name
      (identifier)))
  (import_statement
    name: (dotted_name
      (identifier)))
  (import_statement
    name: (dotted_name
      (identifier)))
  (import_from_statement
    module_name: (dotted_name
      (identifier))
    name: (dotted_name
      (identifier))
    name: (dotted_name
      (identifier)))
  (import_from_statement
    module_name: (dotted_name
      (identifier))
    name: (dotted_name
      (identifier)))
  (decorated_definition
    (decorator
      (identifier))
    definition: (class_definition
      name: (identifier)
      body: (block
        (expression_statement
          (assignment
            left: (identifier)
            type: (type
              (identifier))))
        (expression_statement
          (assignment
            left: (identifier)
            type: (type
              (generic_type
                (identifier)
                (type_parameter
                  (type
                    (identifier)))))
            right: (call
              function: (identifier)
              arguments: (argument_list
                (keyword_argument
                  name: (identifier)
                  value: (identifier))))))
        (decorated_definition
          (decorator
            (identifier))
          definition: (function_definition
            name: (identifier)
            parameters: (parameters
              (identifier))
            return_type: (type
              (identifier))
            body: (block
              (return_statement
                (conditional_expression
                  (call
                    function: (attribute
                      object: (identifier)
                      attribute: (identifier))
                    arguments: (argument_list
                      (attribute
                        object: (identifier)
                        attribute: (identifier))))
                  (attribute
                    object: (identifier)
                    attribute: (identifier))
                  (float)))))))))
  (function_definition
    name: (identifier)
    parameters: (parameters
      (typed_parameter
        (identifier)
        type: (type
          (identifier))))
    return_type: (type
      (generic_type
        (identifier)
        (type_parameter
          (type
            (identifier))
          (type
            (identifier)))))
    body: (block
      (expression_statement
        (assignment
          left: (identifier)
          type: (type
            (generic_type
              (identifier)
              (type_parameter
                (type
                  (identifier))
                (type
                  (identifier)))))
          right: (dictionary)))
      (with_statement
        (with_clause
          (with_item
            value: (as_pattern
              (call
                function: (attribute
                  object: (identifier)
                  attribute: (identifier))
                arguments: (argument_list
                  (keyword_argument
                    name: (identifier)
                    value: (string
                      (string_start)
                      (string_end)))))
              alias: (as_pattern_target
                (identifier)))))
        body: (block
          (for_statement
            left: (identifier)
            right: (call
              function: (attribute
                object: (identifier)
                attribute: (identifier))
              arguments: (argument_list
                (identifier)))
            body: (block
              (try_statement
                body: (block
                  (expression_statement
                    (assignment
                      left: (identifier)
                      right: (call
                        function: (identifier)
                        arguments: (argument_list
                          (subscript
                            value: (identifier)
                            subscript: (string
                              (string_start)
                              (string_content)
                              (string_end))))))))
                (except_clause
                  value: (as_pattern
                    (tuple
                      (identifier)
                      (identifier))
                    alias: (as_pattern_target
                      (identifier)))
                  (block
                    (expression_statement
                      (call
                        function: (identifier)
                        arguments: (argument_list
                          (string
                            (string_start)
                            (string_content)
                            (interpolation
                              expression: (identifier)
                              type_conversion: (type_conversion))
                            (string_content)
                            (interpolation
                              expression: (identifier))
                            (string_end)))))
                    (continue_statement))))
              (expression_statement
                (call
                  function: (attribute
                    object: (attribute
                      object: (call
                        function: (attribute
                          object: (identifier)
                          attribute: (identifier))
                        arguments: (argument_list
                          (subscript
                            value: (identifier)
                            subscript: (string
                              (string_start)
                              (string_content)
                              (string_end)))
                          (call
                            function: (identifier)
                            arguments: (argument_list
                              (subscript
                                value: (identifier)
                                subscript: (string
                                  (string_start)
                                  (string_content)
                                  (string_end)))))))
                      attribute: (identifier))
                    attribute: (identifier))
                  arguments: (argument_list
                    (identifier))))))))
      (return_statement
        (identifier))))
  (if_statement
    condition: (comparison_operator
      (identifier)
      (string
        (string_start)
        (string_content)
        (string_end)))
    consequence: (block
      (import_statement
        name: (dotted_name
          (identifier)))
      (for_statement
        left: (identifier)
        right: (call
          function: (identifier)
          arguments: (argument_list
            (call
              function: (attribute
                object: (call
                  function: (identifier)
                  arguments: (argument_list
                    (call
                      function: (identifier)
                      arguments: (argument_list
                        (subscript
                          value: (attribute
                            object: (identifier)
                            attribute: (identifier))
                          subscript: (integer))))))
                attribute: (identifier))
              arguments: (argument_list))
            (keyword_argument
              name: (identifier)
              value: (lambda
                parameters: (lambda_parameters
                  (identifier))
                body: (attribute
                  object: (identifier)
                  attribute: (identifier))))))
        body: (block
          (expression_statement
            (call
              function: (identifier)
              arguments: (argument_list
                (string
                  (string_start)
                  (interpolation
                    expression: (attribute
                      object: (identifier)
                      attribute: (identifier))
                    format_specifier: (format_specifier))
                  (string_content)
                  (interpolation
                    expression: (attribute
                      object: (identifier)
                      attribute: (identifier))
                    format_specifier: (format_specifier))
                  (string_content)
                  (interpolation
                    expression: (call
                      function: (identifier)
                      arguments: (argument_list
                        (attribute
                          object: (identifier)
                          attribute: (identifier)))))
                  (string_end))))))))))
