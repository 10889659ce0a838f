# table.s: grow the function table from inside wasm.
# wazero's API cannot grow a table, and C cannot name it.
	.tabletype __indirect_function_table, funcref

	.globl	tswasm_table_grow
	.type	tswasm_table_grow,@function
# tswasm_table_grow(n) adds n null entries and returns the old size, or -1.
tswasm_table_grow:
	.functype	tswasm_table_grow (i32) -> (i32)
	ref.null_func
	local.get	0
	table.grow	__indirect_function_table
	end_function

