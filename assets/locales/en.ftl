# leadtrack's words in English. Ids are kebab-case; `key-<action>` describes a key in `?`
# help, `hint-<word>` is a word of the hint bar, `context-<name>` names where the rep is.
# Values come in as { $name }; counts choose their form with [one] / *[other].

## Views (the tab bar)
view-board = Board
view-followups = Follow-ups
view-contacts = Contacts
view-activities = Activities
view-customers = Customers
view-stats = Stats

## Keys: what each does, in ? help
key-quit = Quit
key-help = Show the keys of this view
key-search = Search leads, contacts and activities
key-next-view = Next view
key-prev-view = Previous view
key-view-board = Board
key-view-followups = Follow-ups
key-view-contacts = Contacts
key-view-activities = Activities
key-view-customers = Customers
key-view-stats = Stats
key-undo = Undo the last change
key-redo = Redo what was undone
key-up = Up
key-down = Down
key-left = Column to the left
key-right = Column to the right
key-top = First
key-bottom = Last
key-page-up = Page up
key-page-down = Page down
key-open = Open
key-back = Back
key-move-left = Move the lead to the previous stage
key-move-right = Move the lead to the next stage
key-won = Mark the lead won (customer)
key-delete = Delete (asks first)
key-add = Add
key-edit = Edit
key-log-call = Log a call
key-log-meeting = Log a meeting
key-log-note = Add a note
key-log-activity = Log any kind of activity
key-link-contact = Put a contact on the lead / a card on a lead
key-next-item = Pick a contact or activity (then e, d, R act on it)
key-prev-item = Pick the previous contact or activity
key-change-role = Give the picked contact its next role
key-dedupe = Review probable duplicate contacts, merge or skip
key-sort = Sort by rank, next-action date, value, or longest quiet
key-stale-only = Show only stale leads, or all again
key-owner-filter = Show everyone's leads, mine, or one rep's
key-filter = Filter by words, tag, owner, source, rank, stage, due
key-clear-filters = Clear every filter
key-reschedule = Move the next action to another date
key-stats-period = Count over the next period: this month, last month, quarter, 90 days, all
key-toggle-score = Show the score's breakdown, or fold it to one line
key-save = Save the form
key-next-field = Next field
key-prev-field = Previous field
key-external-editor = Edit this field in $EDITOR
key-clear-field = Clear this field
key-cancel = Cancel
key-confirm-yes = Yes (in a question)
key-confirm-no = No (in a question)
key-search-next = Next result
key-search-previous = Previous result
key-search-close = Close the search
key-merge-pair = Merge the pair shown
key-skip-pair = Skip the pair shown
key-stop-review = Stop reviewing duplicates

## The hint bar
hint-column = column
hint-card = card
hint-move = move
hint-open = open
hint-call = call
hint-meeting = meeting
hint-add = add
hint-search = search
hint-filter = filter
hint-undo = undo
hint-back = back
hint-scroll = scroll
hint-note = note
hint-edit = edit
hint-contact = contact
hint-select = select
hint-score = score
hint-lead = lead
hint-period = period
hint-next-view = next view
hint-delete = delete
hint-go-to = go to
hint-close = close

## Where the rep is (the title of ? help)
context-board = board
context-lead-list = lead list
context-contacts = contacts
context-activities = activities
context-stats = stats
context-detail = lead detail
context-form = form
context-search = search
context-confirm = confirm
context-help = help
context-dedupe = duplicate review

## ? help
help-title = Keys — { $place }
help-scroll = { $down }/{ $up } scroll
help-closes = { $key } closes
help-rebind = Change any key in [keys] of the config.
tab-help = { $key } help

## Counts
leads-count = { $count ->
    [one] 1 lead
   *[other] { $count } leads
}

## The status line
status-overdue-mine = { $overdue } overdue (mine)
status-overdue-today-mine = { $overdue } overdue, { $today } today (mine)
status-team-overdue = { $count } team
status-syncing = syncing…
status-synced = synced { $at }
status-set-name-in = (set [user] name in { $path })
status-set-name = (set [user] name in the config)

## Next-action dates in lists and cards
due-none = no next action
due-today = today
due-tomorrow = tomorrow
due-late = { $date } ({ $days }d late)

## Lead tables: follow-ups and customers
col-bucket-due = BUCKET / DUE
col-rank = R
col-lead = LEAD
col-company = COMPANY
col-owner = OWNER
col-next-action = NEXT ACTION
col-customer = CUSTOMER
col-value = VALUE
col-next = NEXT
row-late = ({ $days }d late)
mark-stale = stale
followups-empty = Nothing to follow up.
customers-empty = No customers yet: w on a lead marks it won.

## The board
order-rank = by rank
order-due = by next action
order-value = by value
order-quiet = longest quiet first
column-shown-of = { $shown } of { $all }
column-none-match = none match the filters
column-empty-add = no leads — a adds one
column-empty = no leads
welcome-the-config = the config file
welcome-title = No leads yet. To start:
welcome-add = add a lead
welcome-import = Import business cards (CSV or vCard) from a shell:
welcome-demo = Try the app on demo data, in a database of its own:
welcome-name-set = Your name on every change: { $name } ([user] name in { $config })
welcome-set-name = Set your name (now "{ $name }") in { $config }:
welcome-example-name = Your Name

## Contacts: the list and the card
col-name = NAME
col-reading = READING
contacts-empty = No contacts yet: a adds one.
card-more-lines = { $count ->
    [one] … 1 more line: e shows every value
   *[other] … { $count } more lines: e shows every value
}
card-email = Email
card-phone = Phone
card-mobile = Mobile
card-fax = Fax
card-other-number = Other
card-address = Address
card-also-at = Also at
card-met-at = Met at
card-met-on = Met on
card-changed = Changed
card-changed-by = { $when } by { $who }
card-leads = Leads
card-no-lead = not on any lead
card-activities = Activities

## Activities
col-when = WHEN
col-kind = KIND
col-summary = SUMMARY
col-with = WITH
col-by = BY
activities-empty = No activities yet: c logs a call on a lead.

## The lead detail
detail-company = Company
detail-stage = Stage
detail-owner = Owner
detail-value = Value
detail-next-action = Next action
detail-source = Source
detail-score = Score
detail-score-rank = { $score } (rank { $rank })
detail-tags = Tags
detail-bant = budget { $budget } · authority { $authority } · need { $need } · timing { $timing }
detail-created = Created
detail-changed = Changed
detail-when-by = { $when } by { $who }
detail-notes = Notes
detail-contacts = Contacts
detail-no-contacts = none — p puts someone on this lead
detail-activities = Activities (newest first)
detail-minutes = { $minutes }min
detail-stage-history = Stage history
detail-undone = (undone)
detail-changed-fields = Changed fields
detail-empty-value = (empty)
detail-was = { $field } was { $was }
answer-yes = yes
answer-no = no
score-decay = , ½ per { $days } days
score-points-of = Score { $score } = points of the activities
score-no-activities = no activities yet
score-points = { $points } pt
score-of-activities = Score { $score } = { $count ->
    [0] no activities yet
    [one] 1 activity
   *[other] { $count } activities
}

## Stats
period-this-month = this month
period-last-month = last month
period-this-quarter = this quarter
period-90-days = 90 days
period-all-time = all time
stats-span-between = { $since } to { $until }
stats-span-all = over all time
stats-span-since = since { $since }
stats-period-named = Period: { $name } — { $span }
stats-period = Period: { $span }
stats-open-per-stage = Open leads per stage — { $open } open; ┊ marks the healthy share (10/65/25)
stats-ref = ref { $share }%
stats-customers = { $count } customers, { $value }
stats-median-to-won = , median { $days } days from creation to won
stats-flow = Flow { $span } — { $won } won
stats-no-moves = no stage changes in the period
stats-median-of = { $days } (median of { $moves })
stats-days-in = days in { $stage }
stats-by-source = By source — leads created { $span }, share reaching considering, won
stats-source-line = { $leads } leads, { $share }% considering, { $won } won
stats-no-source = (none)
stats-by-rep = By rep — activities per week, overdue follow-ups
stats-rep-line = { $rate }/wk, { $overdue } overdue
stats-nobody = (nobody)
stats-won-touches = Won { $span }: { $won } — first touch, last touch, source
stats-first-touch = first touch
stats-last-touch = last touch
stats-source = source
stats-none = none

## A terminal too small to show the app
too-small = Terminal too small
too-small-needs = { $size } — leadtrack needs { $needs }
too-small-what-to-do = Make the window larger; q quits.
