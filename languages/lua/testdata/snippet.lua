-- A tiny class-based stack with a metatable.
local Stack = {}
Stack.__index = Stack

function Stack.new()
  return setmetatable({ items = {}, size = 0 }, Stack)
end

function Stack:push(value)
  self.size = self.size + 1
  self.items[self.size] = value
end

function Stack:pop()
  if self.size == 0 then
    return nil, "stack is empty"
  end
  local value = self.items[self.size]
  self.items[self.size] = nil
  self.size = self.size - 1
  return value
end

local s = Stack.new()
for i = 1, 3 do s:push(i * 10) end
while s.size > 0 do
  print(("popped %d"):format(s:pop()))
end
return Stack
