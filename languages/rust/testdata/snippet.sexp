(source_file
  (use_declaration
    argument: (scoped_identifier
      path: (scoped_identifier
        path: (identifier)
        name: (identifier))
      name: (identifier)))
  (use_declaration
    argument: (scoped_identifier
      path: (identifier)
      name: (identifier)))
  (line_comment
    outer: (outer_doc_comment_marker)
    doc: (doc_comment))
  (attribute_item
    (attribute
      (identifier)
      arguments: (token_tree
        (identifier)
        (identifier))))
  (struct_item
    (visibility_modifier)
    name: (type_identifier)
    type_parameters: (type_parameters
      (lifetime_parameter
        name: (lifetime
          (identifier))))
    body: (field_declaration_list
      (field_declaration
        name: (field_identifier)
        type: (generic_type
          type: (type_identifier)
          type_arguments: (type_arguments
            (reference_type
              (lifetime
                (identifier))
              type: (primitive_type))
            (primitive_type))))))
  (impl_item
    type_parameters: (type_parameters
      (lifetime_parameter
        name: (lifetime
          (identifier))))
    type: (generic_type
      type: (type_identifier)
      type_arguments: (type_arguments
        (lifetime
          (identifier))))
    body: (declaration_list
      (function_item
        (visibility_modifier)
        name: (identifier)
        parameters: (parameters
          (parameter
            pattern: (identifier)
            type: (reference_type
              (lifetime
                (identifier))
              type: (primitive_type))))
        return_type: (type_identifier)
        body: (block
          (let_declaration
            (mutable_specifier)
            pattern: (identifier)
            value: (call_expression
              function: (scoped_identifier
                path: (identifier)
                name: (identifier))
              arguments: (arguments)))
          (expression_statement
            (for_expression
              pattern: (identifier)
              value: (call_expression
                function: (field_expression
                  value: (identifier)
                  field: (field_identifier))
                arguments: (arguments))
              body: (block
                (expression_statement
                  (compound_assignment_expr
                    left: (unary_expression
                      (call_expression
                        function: (field_expression
                          value: (call_expression
                            function: (field_expression
                              value: (identifier)
                              field: (field_identifier))
                            arguments: (arguments
                              (identifier)))
                          field: (field_identifier))
                        arguments: (arguments
                          (integer_literal))))
                    right: (integer_literal))))))
          (struct_expression
            name: (type_identifier)
            body: (field_initializer_list
              (shorthand_field_initializer
                (identifier))))))
      (function_item
        (visibility_modifier)
        name: (identifier)
        parameters: (parameters
          (self_parameter
            (self))
          (parameter
            pattern: (identifier)
            type: (primitive_type)))
        return_type: (generic_type
          type: (type_identifier)
          type_arguments: (type_arguments
            (tuple_type
              (reference_type
                (lifetime
                  (identifier))
                type: (primitive_type))
              (primitive_type))))
        body: (block
          (let_declaration
            (mutable_specifier)
            pattern: (identifier)
            type: (generic_type
              type: (type_identifier)
              type_arguments: (type_arguments
                (type_identifier)))
            value: (call_expression
              function: (field_expression
                value: (call_expression
                  function: (field_expression
                    value: (call_expression
                      function: (field_expression
                        value: (field_expression
                          value: (self)
                          field: (field_identifier))
                        field: (field_identifier))
                      arguments: (arguments))
                    field: (field_identifier))
                  arguments: (arguments
                    (closure_expression
                      parameters: (closure_parameters
                        (tuple_pattern
                          (identifier)
                          (identifier)))
                      body: (tuple_expression
                        (unary_expression
                          (identifier))
                        (unary_expression
                          (identifier))))))
                field: (field_identifier))
              arguments: (arguments)))
          (expression_statement
            (call_expression
              function: (field_expression
                value: (identifier)
                field: (field_identifier))
              arguments: (arguments
                (closure_expression
                  parameters: (closure_parameters
                    (identifier)
                    (identifier))
                  body: (call_expression
                    function: (field_expression
                      value: (call_expression
                        function: (field_expression
                          value: (field_expression
                            value: (identifier)
                            field: (integer_literal))
                          field: (field_identifier))
                        arguments: (arguments
                          (reference_expression
                            value: (field_expression
                              value: (identifier)
                              field: (integer_literal)))))
                      field: (field_identifier))
                    arguments: (arguments
                      (call_expression
                        function: (field_expression
                          value: (field_expression
                            value: (identifier)
                            field: (integer_literal))
                          field: (field_identifier))
                        arguments: (arguments
                          (field_expression
                            value: (identifier)
                            field: (integer_literal))))))))))
          (expression_statement
            (call_expression
              function: (field_expression
                value: (identifier)
                field: (field_identifier))
              arguments: (arguments
                (identifier))))
          (identifier)))))
  (impl_item
    trait: (scoped_type_identifier
      path: (identifier)
      name: (type_identifier))
    type: (generic_type
      type: (type_identifier)
      type_arguments: (type_arguments
        (lifetime
          (identifier))))
    body: (declaration_list
      (function_item
        name: (identifier)
        parameters: (parameters
          (self_parameter
            (self))
          (parameter
            pattern: (identifier)
            type: (reference_type
              (mutable_specifier)
              type: (generic_type
                type: (scoped_type_identifier
                  path: (identifier)
                  name: (type_identifier))
                type_arguments: (type_arguments
                  (lifetime
                    (identifier)))))))
        return_type: (scoped_type_identifier
          path: (identifier)
          name: (type_identifier))
        body: (block
          (expression_statement
            (for_expression
              pattern: (tuple_pattern
                (identifier)
                (identifier))
              value: (call_expression
                function: (field_expression
                  value: (self)
                  field: (field_identifier))
                arguments: (arguments
                  (integer_literal)))
              body: (block
                (expression_statement
                  (try_expression
                    (macro_invocation
                      macro: (identifier)
                      (token_tree
                        (identifier)
                        (string_literal
                          (string_content)))))))))
          (call_expression
            function: (identifier)
            arguments: (arguments
              (unit_expression)))))))
  (function_item
    name: (identifier)
    parameters: (parameters)
    body: (block
      (let_declaration
        pattern: (identifier)
        value: (call_expression
          function: (scoped_identifier
            path: (identifier)
            name: (identifier))
          arguments: (arguments
            (string_literal
              (string_content)))))
      (expression_statement
        (macro_invocation
          macro: (identifier)
          (token_tree
            (string_literal
              (string_content))
            (identifier)))))))
