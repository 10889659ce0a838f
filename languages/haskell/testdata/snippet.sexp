(haskell
  (header
    module: (module
      (module_id))
    exports: (exports
      export: (export
        variable: (variable))))
  imports: (imports
    import: (import
      module: (module
        (module_id)
        (module_id)
        (module_id))
      alias: (module
        (module_id)))
    import: (import
      module: (module
        (module_id)
        (module_id))
      names: (import_list
        name: (import_name
          variable: (variable))))
    import: (import
      module: (module
        (module_id)
        (module_id))
      names: (import_list
        name: (import_name
          variable: (variable))
        name: (import_name
          type: (name)
          children: (children
            element: (all_names)))))
    (haddock))
  declarations: (declarations
    (signature
      name: (variable)
      type: (function
        parameter: (name)
        result: (apply
          constructor: (apply
            constructor: (qualified
              module: (module
                (module_id))
              id: (name))
            argument: (name))
          argument: (name))))
    (bind
      name: (variable)
      match: (match
        expression: (infix
          left_operand: (apply
            function: (qualified
              module: (module
                (module_id))
              id: (variable))
            argument: (prefix_id
              (operator)))
          operator: (operator)
          right_operand: (infix
            left_operand: (apply
              function: (variable)
              argument: (parens
                expression: (lambda
                  patterns: (patterns
                    (variable))
                  expression: (tuple
                    element: (variable)
                    element: (literal
                      (integer))))))
            operator: (operator)
            right_operand: (variable)))))
    (signature
      name: (variable)
      type: (function
        parameter: (name)
        result: (function
          parameter: (apply
            constructor: (apply
              constructor: (qualified
                module: (module
                  (module_id))
                id: (name))
              argument: (name))
            argument: (name))
          result: (list
            element: (tuple
              element: (name)
              element: (name))))))
    (function
      name: (variable)
      patterns: (patterns
        (variable))
      match: (match
        expression: (infix
          left_operand: (apply
            function: (variable)
            argument: (variable))
          operator: (operator)
          right_operand: (infix
            left_operand: (apply
              function: (variable)
              argument: (parens
                expression: (apply
                  function: (variable)
                  argument: (parens
                    expression: (infix
                      left_operand: (constructor)
                      operator: (operator)
                      right_operand: (variable))))))
            operator: (operator)
            right_operand: (qualified
              module: (module
                (module_id))
              id: (variable))))))
    (data_type
      name: (name)
      constructors: (data_constructors
        constructor: (data_constructor
          constructor: (record
            name: (constructor)
            fields: (fields
              field: (field
                name: (field_name
                  (variable))
                type: (name))
              field: (field
                name: (field_name
                  (variable))
                type: (name))))))
      deriving: (deriving
        classes: (tuple
          (name)
          (name))))
    (signature
      name: (variable)
      type: (function
        parameter: (apply
          constructor: (apply
            constructor: (qualified
              module: (module
                (module_id))
              id: (name))
            argument: (name))
          argument: (name))
        result: (name)))
    (function
      name: (variable)
      patterns: (patterns
        (variable))
      match: (match
        expression: (record
          expression: (constructor)
          field: (field_update
            field: (field_name
              (variable))
            expression: (apply
              function: (variable)
              argument: (parens
                expression: (apply
                  function: (qualified
                    module: (module
                      (module_id))
                    id: (variable))
                  argument: (variable)))))
          field: (field_update
            field: (field_name
              (variable))
            expression: (apply
              function: (qualified
                module: (module
                  (module_id))
                id: (variable))
              argument: (variable))))))
    (signature
      name: (variable)
      type: (apply
        constructor: (name)
        argument: (unit)))
    (bind
      name: (variable)
      match: (match
        expression: (do
          statement: (bind
            pattern: (variable)
            expression: (variable))
          statement: (let
            binds: (local_binds
              decl: (bind
                name: (variable)
                match: (match
                  expression: (apply
                    function: (variable)
                    argument: (variable))))))
          statement: (exp
            (apply
              function: (apply
                function: (variable)
                argument: (variable))
              argument: (parens
                expression: (apply
                  function: (apply
                    function: (variable)
                    argument: (literal
                      (integer)))
                  argument: (variable)))))
          statement: (exp
            (apply
              function: (variable)
              argument: (parens
                expression: (apply
                  function: (variable)
                  argument: (variable))))))))))
