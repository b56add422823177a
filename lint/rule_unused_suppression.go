package lint

// ruleUnusedSuppression warns of a cscmd-ignore comment that silences
// nothing, or names a rule that does not exist: stale suppressions hide the
// next real problem. Only the engine knows what a suppression silenced, so
// it reports this rule itself, after the others have run.
var ruleUnusedSuppression = &Rule{
	ID:       "unused-suppression",
	Severity: Warning,
	Summary:  "a cscmd-ignore comment that silences nothing",
}
