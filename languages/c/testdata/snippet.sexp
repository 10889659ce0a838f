(translation_unit
  (preproc_include
    path: (system_lib_string))
  (preproc_include
    path: (system_lib_string))
  (preproc_include
    path: (system_lib_string))
  (preproc_def
    name: (identifier)
    value: (preproc_arg))
  (struct_specifier
    name: (type_identifier)
    body: (field_declaration_list
      (field_declaration
        type: (primitive_type)
        declarator: (pointer_declarator
          declarator: (field_identifier)))
      (field_declaration
        type: (struct_specifier
          name: (type_identifier))
        declarator: (pointer_declarator
          declarator: (field_identifier)))))
  (function_definition
    (storage_class_specifier)
    type: (struct_specifier
      name: (type_identifier))
    declarator: (pointer_declarator
      declarator: (function_declarator
        declarator: (identifier)
        parameters: (parameter_list
          (parameter_declaration
            type: (struct_specifier
              name: (type_identifier))
            declarator: (pointer_declarator
              declarator: (identifier)))
          (parameter_declaration
            (type_qualifier)
            type: (primitive_type)
            declarator: (pointer_declarator
              declarator: (identifier))))))
    body: (compound_statement
      (declaration
        type: (struct_specifier
          name: (type_identifier))
        declarator: (init_declarator
          declarator: (pointer_declarator
            declarator: (identifier))
          value: (call_expression
            function: (identifier)
            arguments: (argument_list
              (sizeof_expression
                value: (pointer_expression
                  argument: (identifier)))))))
      (if_statement
        condition: (parenthesized_expression
          (binary_expression
            left: (identifier)
            right: (null)))
        consequence: (compound_statement
          (expression_statement
            (call_expression
              function: (identifier)
              arguments: (argument_list
                (string_literal
                  (string_content)))))
          (expression_statement
            (call_expression
              function: (identifier)
              arguments: (argument_list
                (identifier))))))
      (expression_statement
        (assignment_expression
          left: (field_expression
            argument: (identifier)
            field: (field_identifier))
          right: (call_expression
            function: (identifier)
            arguments: (argument_list
              (identifier)))))
      (expression_statement
        (assignment_expression
          left: (field_expression
            argument: (identifier)
            field: (field_identifier))
          right: (identifier)))
      (return_statement
        (identifier))))
  (function_definition
    type: (primitive_type)
    declarator: (function_declarator
      declarator: (identifier)
      parameters: (parameter_list
        (parameter_declaration
          type: (primitive_type)
          declarator: (identifier))
        (parameter_declaration
          type: (primitive_type)
          declarator: (pointer_declarator
            declarator: (pointer_declarator
              declarator: (identifier))))))
    body: (compound_statement
      (declaration
        type: (primitive_type)
        declarator: (array_declarator
          declarator: (identifier)
          size: (identifier)))
      (declaration
        type: (struct_specifier
          name: (type_identifier))
        declarator: (init_declarator
          declarator: (pointer_declarator
            declarator: (identifier))
          value: (null)))
      (declaration
        type: (type_identifier)
        declarator: (init_declarator
          declarator: (pointer_declarator
            declarator: (identifier))
          value: (conditional_expression
            condition: (binary_expression
              left: (identifier)
              right: (number_literal))
            consequence: (call_expression
              function: (identifier)
              arguments: (argument_list
                (subscript_expression
                  argument: (identifier)
                  index: (number_literal))
                (string_literal
                  (string_content))))
            alternative: (identifier))))
      (if_statement
        condition: (parenthesized_expression
          (unary_expression
            argument: (identifier)))
        consequence: (return_statement
          (number_literal)))
      (while_statement
        condition: (parenthesized_expression
          (binary_expression
            left: (call_expression
              function: (identifier)
              arguments: (argument_list
                (identifier)
                (sizeof_expression
                  value: (identifier))
                (identifier)))
            right: (null)))
        body: (compound_statement
          (expression_statement
            (assignment_expression
              left: (subscript_expression
                argument: (identifier)
                index: (call_expression
                  function: (identifier)
                  arguments: (argument_list
                    (identifier)
                    (string_literal
                      (escape_sequence)))))
              right: (char_literal
                (escape_sequence))))
          (expression_statement
            (assignment_expression
              left: (identifier)
              right: (call_expression
                function: (identifier)
                arguments: (argument_list
                  (identifier)
                  (identifier)))))))
      (for_statement
        initializer: (declaration
          type: (struct_specifier
            name: (type_identifier))
          declarator: (init_declarator
            declarator: (pointer_declarator
              declarator: (identifier))
            value: (identifier)))
        condition: (identifier)
        update: (assignment_expression
          left: (identifier)
          right: (field_expression
            argument: (identifier)
            field: (field_identifier)))
        body: (expression_statement
          (call_expression
            function: (identifier)
            arguments: (argument_list
              (string_literal
                (string_content)
                (escape_sequence))
              (field_expression
                argument: (identifier)
                field: (field_identifier))))))
      (return_statement
        (number_literal)))))
