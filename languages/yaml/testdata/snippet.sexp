(stream
  (document
    (block_node
      (block_mapping
        (block_mapping_pair
          key: (flow_node
            (plain_scalar
              (string_scalar)))
          value: (flow_node
            (plain_scalar
              (string_scalar))))
        (block_mapping_pair
          key: (flow_node
            (plain_scalar
              (string_scalar)))
          value: (block_node
            (block_mapping
              (block_mapping_pair
                key: (flow_node
                  (plain_scalar
                    (string_scalar)))
                value: (block_node
                  (block_mapping
                    (block_mapping_pair
                      key: (flow_node
                        (plain_scalar
                          (string_scalar)))
                      value: (flow_node
                        (flow_sequence
                          (flow_node
                            (plain_scalar
                              (string_scalar)))))))))
              (block_mapping_pair
                key: (flow_node
                  (plain_scalar
                    (string_scalar)))))))
        (block_mapping_pair
          key: (flow_node
            (plain_scalar
              (string_scalar)))
          value: (block_node
            (block_mapping
              (block_mapping_pair
                key: (flow_node
                  (plain_scalar
                    (string_scalar)))
                value: (block_node
                  (block_mapping
                    (block_mapping_pair
                      key: (flow_node
                        (plain_scalar
                          (string_scalar)))
                      value: (flow_node
                        (plain_scalar
                          (string_scalar))))
                    (block_mapping_pair
                      key: (flow_node
                        (plain_scalar
                          (string_scalar)))
                      value: (block_node
                        (block_mapping
                          (block_mapping_pair
                            key: (flow_node
                              (plain_scalar
                                (string_scalar)))
                            value: (block_node
                              (block_mapping
                                (block_mapping_pair
                                  key: (flow_node
                                    (plain_scalar
                                      (string_scalar)))
                                  value: (flow_node
                                    (flow_sequence
                                      (flow_node
                                        (double_quote_scalar))
                                      (flow_node
                                        (double_quote_scalar)))))))))))
                    (block_mapping_pair
                      key: (flow_node
                        (plain_scalar
                          (string_scalar)))
                      value: (block_node
                        (block_sequence
                          (block_sequence_item
                            (block_node
                              (block_mapping
                                (block_mapping_pair
                                  key: (flow_node
                                    (plain_scalar
                                      (string_scalar)))
                                  value: (flow_node
                                    (plain_scalar
                                      (string_scalar)))))))
                          (block_sequence_item
                            (block_node
                              (block_mapping
                                (block_mapping_pair
                                  key: (flow_node
                                    (plain_scalar
                                      (string_scalar)))
                                  value: (flow_node
                                    (plain_scalar
                                      (string_scalar))))
                                (block_mapping_pair
                                  key: (flow_node
                                    (plain_scalar
                                      (string_scalar)))
                                  value: (flow_node
                                    (plain_scalar
                                      (string_scalar))))
                                (block_mapping_pair
                                  key: (flow_node
                                    (plain_scalar
                                      (string_scalar)))
                                  value: (block_node
                                    (block_mapping
                                      (block_mapping_pair
                                        key: (flow_node
                                          (plain_scalar
                                            (string_scalar)))
                                        value: (flow_node
                                          (plain_scalar
                                            (string_scalar))))))))))
                          (block_sequence_item
                            (block_node
                              (block_mapping
                                (block_mapping_pair
                                  key: (flow_node
                                    (plain_scalar
                                      (string_scalar)))
                                  value: (block_node
                                    (block_scalar))))))
                          (block_sequence_item
                            (block_node
                              (block_mapping
                                (block_mapping_pair
                                  key: (flow_node
                                    (plain_scalar
                                      (string_scalar)))
                                  value: (flow_node
                                    (plain_scalar
                                      (string_scalar))))
                                (block_mapping_pair
                                  key: (flow_node
                                    (plain_scalar
                                      (string_scalar)))
                                  value: (flow_node
                                    (plain_scalar
                                      (string_scalar))))
                                (block_mapping_pair
                                  key: (flow_node
                                    (plain_scalar
                                      (string_scalar)))
                                  value: (flow_node
                                    (plain_scalar
                                      (string_scalar))))
                                (comment)))))))))))))))))
