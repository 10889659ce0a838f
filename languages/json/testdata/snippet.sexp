(document
  (object
    (pair
      key: (string
        (string_content))
      value: (string
        (string_content)))
    (pair
      key: (string
        (string_content))
      value: (string
        (string_content)))
    (pair
      key: (string
        (string_content))
      value: (true))
    (pair
      key: (string
        (string_content))
      value: (object
        (pair
          key: (string
            (string_content))
          value: (string
            (string_content)))
        (pair
          key: (string
            (string_content))
          value: (string
            (string_content)))))
    (pair
      key: (string
        (string_content))
      value: (object
        (pair
          key: (string
            (string_content))
          value: (string
            (string_content)))))
    (pair
      key: (string
        (string_content))
      value: (array
        (string
          (string_content))
        (string
          (string_content))))
    (pair
      key: (string
        (string_content))
      value: (object
        (pair
          key: (string
            (string_content))
          value: (string
            (string_content)))))
    (pair
      key: (string
        (string_content))
      value: (number))
    (pair
      key: (string
        (string_content))
      value: (number))
    (pair
      key: (string
        (string_content))
      value: (null))))
