package lint

import (
	"time"
)

// ruleObjectIDTime notes an ObjectId whose embedded creation time is before
// 2009, when MongoDB's ObjectIds appeared, or more than a day in the future:
// such an id was most likely typed by hand or copied from an example.
var ruleObjectIDTime = &Rule{
	ID:       "objectid-time",
	Severity: Info,
	Summary:  "an ObjectId whose creation time is before 2009 or in the future",
	Needs:    IsCommand,
	Check: func(p *Pass) {
		for _, r := range p.objectIDs() {
			if !r.ok {
				continue
			}
			t, _ := r.id.Time()
			switch {
			case t.Before(objectIDEpoch):
				p.ReportNode(r.id, "object id %s was created %s, before 2009; is it a real id?", r.id.Raw, t.Format(time.DateOnly))
			case t.After(p.Now.Add(24 * time.Hour)):
				p.ReportNode(r.id, "object id %s was created %s, in the future; is it a real id?", r.id.Raw, t.Format(time.DateOnly))
			}
		}
	},
}

var objectIDEpoch = time.Date(2009, 1, 1, 0, 0, 0, 0, time.UTC)
