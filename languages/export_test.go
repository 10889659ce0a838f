package languages

// Cached reports how many specs Load's cache holds for an engine.
var Cached = cached
