# frozen_string_literal: true

require 'json'

module Inventory
  class Item
    attr_reader :name, :quantity

    def initialize(name, quantity = 0)
      @name = name
      @quantity = quantity
    end

    def restock(amount)
      raise ArgumentError, "amount must be positive" unless amount.positive?

      @quantity += amount
      self
    end

    def to_h = { name: name, quantity: quantity }
  end

  def self.load(path)
    JSON.parse(File.read(path)).map do |row|
      Item.new(row.fetch('name'), row['quantity'] || 0)
    end
  end
end

items = Inventory.load(ARGV.first || 'items.json')
low = items.select { |i| i.quantity < 5 }
puts "#{low.size} items low: #{low.map(&:name).join(', ')}"
