(program
  (comment)
  (comment)
  (command
    name: (command_name
      (word))
    argument: (word)
    argument: (word))
  (variable_assignment
    name: (variable_name)
    value: (expansion
      (variable_name)
      (concatenation
        (word)
        (word))))
  (variable_assignment
    name: (variable_name)
    value: (expansion
      (variable_name)
      (concatenation
        (simple_expansion
          (variable_name))
        (word))))
  (variable_assignment
    name: (variable_name)
    value: (expansion
      (variable_name)
      (word)))
  (command
    name: (command_name
      (word))
    argument: (word)
    argument: (string
      (simple_expansion
        (variable_name))))
  (variable_assignment
    name: (variable_name)
    value: (string
      (command_substitution
        (command
          name: (command_name
            (word))
          argument: (string
            (simple_expansion
              (variable_name)))))
      (string_content)
      (command_substitution
        (command
          name: (command_name
            (word))
          argument: (word)))
      (string_content)))
  (if_statement
    condition: (negated_command
      (command
        name: (command_name
          (word))
        argument: (word)
        argument: (string
          (simple_expansion
            (variable_name))
          (string_content)
          (simple_expansion
            (variable_name)))
        argument: (word)
        argument: (string
          (command_substitution
            (command
              name: (command_name
                (word))
              argument: (string
                (simple_expansion
                  (variable_name))))))
        argument: (string
          (command_substitution
            (command
              name: (command_name
                (word))
              argument: (string
                (simple_expansion
                  (variable_name))))))))
    (redirected_statement
      body: (command
        name: (command_name
          (word))
        argument: (string
          (string_content)
          (simple_expansion
            (variable_name))
          (string_content)))
      redirect: (file_redirect
        destination: (number)))
    (command
      name: (command_name
        (word))
      argument: (number)))
  (variable_assignment
    name: (variable_name)
    value: (number))
  (for_statement
    variable: (variable_name)
    value: (command_substitution
      (command
        name: (command_name
          (word))
        argument: (word)
        argument: (concatenation
          (string
            (simple_expansion
              (variable_name)))
          (word))))
    body: (do_group
      (variable_assignment
        name: (variable_name)
        value: (arithmetic_expansion
          (binary_expression
            left: (variable_name)
            right: (number))))
      (if_statement
        condition: (test_command
          (binary_expression
            left: (simple_expansion
              (variable_name))
            operator: (test_operator)
            right: (simple_expansion
              (variable_name))))
        (command
          name: (command_name
            (word))
          argument: (word)
          argument: (string
            (simple_expansion
              (variable_name)))))))
  (case_statement
    value: (string
      (simple_expansion
        (variable_name)))
    (case_item
      value: (word)
      (command
        name: (command_name
          (word))
        argument: (string
          (string_content)
          (simple_expansion
            (variable_name))
          (string_content)
          (simple_expansion
            (variable_name)))))
    (case_item
      value: (extglob_pattern)
      (command
        name: (command_name
          (word))
        argument: (string
          (string_content)
          (simple_expansion
            (variable_name)))))))
