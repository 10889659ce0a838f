(program
  (comment)
  (call
    method: (identifier)
    arguments: (argument_list
      (string
        (string_content))))
  (module
    name: (constant)
    body: (body_statement
      (class
        name: (constant)
        body: (body_statement
          (call
            method: (identifier)
            arguments: (argument_list
              (simple_symbol)
              (simple_symbol)))
          (method
            name: (identifier)
            parameters: (method_parameters
              (identifier)
              (optional_parameter
                name: (identifier)
                value: (integer)))
            body: (body_statement
              (assignment
                left: (instance_variable)
                right: (identifier))
              (assignment
                left: (instance_variable)
                right: (identifier))))
          (method
            name: (identifier)
            parameters: (method_parameters
              (identifier))
            body: (body_statement
              (unless_modifier
                body: (call
                  method: (identifier)
                  arguments: (argument_list
                    (constant)
                    (string
                      (string_content))))
                condition: (call
                  receiver: (identifier)
                  method: (identifier)))
              (operator_assignment
                left: (instance_variable)
                right: (identifier))
              (self)))
          (method
            name: (identifier)
            body: (hash
              (pair
                key: (hash_key_symbol)
                value: (identifier))
              (pair
                key: (hash_key_symbol)
                value: (identifier))))))
      (singleton_method
        object: (self)
        name: (identifier)
        parameters: (method_parameters
          (identifier))
        body: (body_statement
          (call
            receiver: (call
              receiver: (constant)
              method: (identifier)
              arguments: (argument_list
                (call
                  receiver: (constant)
                  method: (identifier)
                  arguments: (argument_list
                    (identifier)))))
            method: (identifier)
            block: (do_block
              parameters: (block_parameters
                (identifier))
              body: (body_statement
                (call
                  receiver: (constant)
                  method: (identifier)
                  arguments: (argument_list
                    (call
                      receiver: (identifier)
                      method: (identifier)
                      arguments: (argument_list
                        (string
                          (string_content))))
                    (binary
                      left: (element_reference
                        object: (identifier)
                        (string
                          (string_content)))
                      right: (integer)))))))))))
  (assignment
    left: (identifier)
    right: (call
      receiver: (constant)
      method: (identifier)
      arguments: (argument_list
        (binary
          left: (call
            receiver: (constant)
            method: (identifier))
          right: (string
            (string_content))))))
  (assignment
    left: (identifier)
    right: (call
      receiver: (identifier)
      method: (identifier)
      block: (block
        parameters: (block_parameters
          (identifier))
        body: (block_body
          (binary
            left: (call
              receiver: (identifier)
              method: (identifier))
            right: (integer))))))
  (call
    method: (identifier)
    arguments: (argument_list
      (string
        (interpolation
          (call
            receiver: (identifier)
            method: (identifier)))
        (string_content)
        (interpolation
          (call
            receiver: (call
              receiver: (identifier)
              method: (identifier)
              arguments: (argument_list
                (block_argument
                  (simple_symbol))))
            method: (identifier)
            arguments: (argument_list
              (string
                (string_content)))))))))
