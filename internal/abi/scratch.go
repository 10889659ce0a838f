// scratch.go: the layout of the scratch block each store reserves for call arguments and results.
package abi

// Offsets in a store's scratch block, which holds the structs and
// out-parameters of one call at a time. Regions do not overlap, so a call
// may use any of them together.
const (
	ScratchResult   = 0                             // TSNode result
	ScratchArg      = ScratchResult + NodeSize      // TSNode argument
	ScratchNode2    = ScratchArg + NodeSize         // a second TSNode argument
	ScratchPointA   = ScratchNode2 + NodeSize       // TSPoint argument
	ScratchPointB   = ScratchPointA + PointSize     // TSPoint argument
	ScratchOut0     = ScratchPointB + PointSize     // uint32 out-parameter (counts, lengths, error offsets)
	ScratchOut1     = ScratchOut0 + 4               // uint32 out-parameter
	ScratchEdit     = ScratchOut1 + 4               // TSInputEdit argument
	ScratchMatch    = ScratchEdit + InputEditSize   // TSQueryMatch out-parameter
	ScratchCaptureI = ScratchMatch + QueryMatchSize // uint32 out-parameter: capture index
	ScratchSize     = ScratchCaptureI + 4
)
