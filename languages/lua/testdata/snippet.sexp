(chunk
  (comment
    content: (comment_content))
  local_declaration: (variable_declaration
    (assignment_statement
      (variable_list
        name: (identifier))
      (expression_list
        value: (table_constructor))))
  (assignment_statement
    (variable_list
      name: (dot_index_expression
        table: (identifier)
        field: (identifier)))
    (expression_list
      value: (identifier)))
  (function_declaration
    name: (dot_index_expression
      table: (identifier)
      field: (identifier))
    parameters: (parameters)
    body: (block
      (return_statement
        (expression_list
          (function_call
            name: (identifier)
            arguments: (arguments
              (table_constructor
                (field
                  name: (identifier)
                  value: (table_constructor))
                (field
                  name: (identifier)
                  value: (number)))
              (identifier)))))))
  (function_declaration
    name: (method_index_expression
      table: (identifier)
      method: (identifier))
    parameters: (parameters
      name: (identifier))
    body: (block
      (assignment_statement
        (variable_list
          name: (dot_index_expression
            table: (identifier)
            field: (identifier)))
        (expression_list
          value: (binary_expression
            left: (dot_index_expression
              table: (identifier)
              field: (identifier))
            right: (number))))
      (assignment_statement
        (variable_list
          name: (bracket_index_expression
            table: (dot_index_expression
              table: (identifier)
              field: (identifier))
            field: (dot_index_expression
              table: (identifier)
              field: (identifier))))
        (expression_list
          value: (identifier)))))
  (function_declaration
    name: (method_index_expression
      table: (identifier)
      method: (identifier))
    parameters: (parameters)
    body: (block
      (if_statement
        condition: (binary_expression
          left: (dot_index_expression
            table: (identifier)
            field: (identifier))
          right: (number))
        consequence: (block
          (return_statement
            (expression_list
              (nil)
              (string
                content: (string_content))))))
      local_declaration: (variable_declaration
        (assignment_statement
          (variable_list
            name: (identifier))
          (expression_list
            value: (bracket_index_expression
              table: (dot_index_expression
                table: (identifier)
                field: (identifier))
              field: (dot_index_expression
                table: (identifier)
                field: (identifier))))))
      (assignment_statement
        (variable_list
          name: (bracket_index_expression
            table: (dot_index_expression
              table: (identifier)
              field: (identifier))
            field: (dot_index_expression
              table: (identifier)
              field: (identifier))))
        (expression_list
          value: (nil)))
      (assignment_statement
        (variable_list
          name: (dot_index_expression
            table: (identifier)
            field: (identifier)))
        (expression_list
          value: (binary_expression
            left: (dot_index_expression
              table: (identifier)
              field: (identifier))
            right: (number))))
      (return_statement
        (expression_list
          (identifier)))))
  local_declaration: (variable_declaration
    (assignment_statement
      (variable_list
        name: (identifier))
      (expression_list
        value: (function_call
          name: (dot_index_expression
            table: (identifier)
            field: (identifier))
          arguments: (arguments)))))
  (for_statement
    clause: (for_numeric_clause
      name: (identifier)
      start: (number)
      end: (number))
    body: (block
      (function_call
        name: (method_index_expression
          table: (identifier)
          method: (identifier))
        arguments: (arguments
          (binary_expression
            left: (identifier)
            right: (number))))))
  (while_statement
    condition: (binary_expression
      left: (dot_index_expression
        table: (identifier)
        field: (identifier))
      right: (number))
    body: (block
      (function_call
        name: (identifier)
        arguments: (arguments
          (function_call
            name: (method_index_expression
              table: (parenthesized_expression
                (string
                  content: (string_content)))
              method: (identifier))
            arguments: (arguments
              (function_call
                name: (method_index_expression
                  table: (identifier)
                  method: (identifier))
                arguments: (arguments))))))))
  (return_statement
    (expression_list
      (identifier))))
