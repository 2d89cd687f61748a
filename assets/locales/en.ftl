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
stats-waterfall = Demand waterfall — leads created { $span }: created → considering → customer, median days of each step
stats-waterfall-all = All sources
stats-waterfall-line = { $created } → { $considering } ({ $to_considering }%) → { $customer } ({ $to_customer }%), { $days_considering } / { $days_customer } days
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

## Command line
# Tables: column headings
cli-header-id = ID
cli-header-stage = STAGE
cli-header-rank = RANK
cli-header-due = DUE
cli-header-title = TITLE
cli-header-company = COMPANY
cli-header-owner = OWNER
cli-header-value = VALUE

# lead show, contact show: field labels and parts
cli-field-id = id
cli-field-company = company
cli-field-stage = stage
cli-field-owner = owner
cli-field-value = value
cli-field-next-action = next action
cli-field-source = source
cli-field-score = score
cli-field-tags = tags
cli-field-budget = budget
cli-field-authority = authority
cli-field-need = need
cli-field-timing = timing
cli-field-notes = notes
cli-field-created = created
cli-field-updated = updated
cli-none = none
cli-empty = (empty)
cli-score-with-rank = { $score } (rank { $rank })
cli-answer-yes = yes
cli-answer-no = no
cli-answer-unknown = unknown
cli-answer-with-note = { $answer } ({ $note })
cli-when-by = { $when } by { $who }
cli-by = by { $who }
cli-name-with-role = { $name } ({ $role })
cli-heading-contacts = Contacts
cli-heading-activities = Activities (newest first)
cli-activities-hidden = … and { $count } older, not shown (`leadtrack lead show { $id } --all` shows every one)
cli-score-sum = Score { $score } = sum of points
cli-score-sum-halving = Score { $score } = sum of points × ½ per { $days } days of age
cli-score-hidden = { $count ->
     [one] + the older activity not shown
    *[other] + the { $count } older activities not shown
 }
cli-heading-stage-history = Stage history
cli-undone = (undone)
cli-history-heading = Changed fields
cli-history-line = { $when }  { $field } was { $was }  (changed by { $who })

# Leads: what a command did
cli-deleted-lead = Deleted lead { $title }
cli-role-changed = Contact { $contact } on lead { $lead } is now { $role } (was { $before })
cli-linked = Linked contact { $contact } to lead { $lead } as { $role }
cli-unlinked = Took contact { $contact } ({ $role }) off lead { $lead }
cli-not-linked = Contact { $contact } was not on lead { $lead }: nothing to take off
cli-lead-nothing-to-change = nothing to change: give a field such as --title or --due
cli-lead-unchanged = No change: lead { $id } already has those values
cli-lead-changed = Changed { $fields } of lead { $id }
cli-moved = Moved { $title } to { $stage }
cli-already-in = { $title } is already in { $stage }

# Contacts
cli-header-name = NAME
cli-header-reading = READING
cli-header-job-title = TITLE
cli-header-email = EMAIL
cli-header-phone = PHONE
cli-field-reading = reading
cli-field-other-emails = other emails
cli-field-other-numbers = other numbers
cli-field-other-addresses = other addresses
cli-field-other-urls = other urls
cli-field-other-companies = other companies
cli-heading-leads = Leads
cli-lead-of-contact = { $title } ({ $role }, { $stage })
cli-contact-nothing-to-change = nothing to change: give a field such as --email or --title
cli-contact-unchanged = No change: contact { $id } already has those values
cli-contact-changed = Changed { $fields } of contact { $id }
cli-deleted-contact = Deleted contact { $id }
cli-purged = Purged contact { $id } ({ $name }): the card, { $history } history entries and { $links } places on leads erased; { $activities } activities kept on their leads without the contact
cli-purge-checked = Checked: none of the contact's details remain in { $path }
cli-purge-traces = the contact's { $fields } can still be found in { $path }; make a fresh copy with `leadtrack backup` and use that
cli-purge-backups = Backups made before now still hold the contact
cli-contact-list-no-csv = --format csv for contacts comes with `export contacts`; use table or json

# Activities
cli-header-when = WHEN
cli-header-kind = KIND
cli-header-summary = SUMMARY
cli-header-by = BY
cli-activity-list-no-csv = activity list has table and json formats; `export activities` writes CSV
cli-not-minutes = --duration: '{ $typed }' is not a number of minutes
cli-activity-nothing-to-change = nothing to change: give --kind, --at, --summary, --body, --contact, --duration or --direction
cli-activity-unchanged = No change to activity { $id }
cli-activity-changed = Changed { $fields } of activity { $id }
cli-deleted-activity = Deleted activity { $id }

# Search
cli-search-nothing = Nothing matches '{ $typed }'.
cli-header-what = WHAT
cli-header-detail = DETAIL
cli-record-lead = lead
cli-record-contact = contact

# Duplicates and demo data
cli-dedupe-none = No probable duplicates.
cli-header-keep = KEEP
cli-header-merge = MERGE
cli-header-why = WHY
cli-dedupe-found = { $count } probable duplicates; `leadtrack dedupe --apply` merges them.
cli-dedupe-merged = { $count ->
     [one] Merged 1 contact; every replaced value is in its history.
    *[other] Merged { $count } contacts; every replaced value is in their history.
 }
cli-demo-added = Added { $leads } leads, { $customers } customers, { $contacts } contacts ({ $links } places on leads) and { $activities } activities to { $path }

# Stats
cli-until-before-since = --until { $until } is before --since { $since }
cli-period-between = { $since } to { $until }
cli-period-since = since { $since }
cli-period-all = over all time
cli-none-in-brackets = (none)
cli-stats-stages = Open leads per stage (rule of thumb 10/65/25)
cli-header-leads = LEADS
cli-header-share = SHARE
cli-header-reference = REF
cli-stats-flow = Flow { $period } — { $won } won, median { $days } days from creation to won
cli-header-from = FROM
cli-header-to = TO
cli-header-median-days = MEDIAN DAYS IN STAGE
cli-header-moves-out = MOVES OUT
cli-stats-by-source = By source (leads created { $period })
cli-header-source = SOURCE
cli-header-reached-considering = REACHED CONSIDERING
cli-header-won = WON
cli-stats-waterfall = Demand waterfall (leads created { $period }): each step with its share of the one before, and the median days each took
cli-header-created = CREATED
cli-header-to-considering = → CONSIDERING
cli-header-to-customer = → CUSTOMER
cli-header-median-days-steps = MEDIAN DAYS (→ CONSIDERING / → CUSTOMER)
cli-waterfall-all = All sources
cli-stats-by-rep = By rep (activities per week { $period })
cli-header-rep = REP
cli-header-per-week = PER WEEK
cli-header-overdue = OVERDUE
cli-stats-won = { $count ->
     [one] Won { $period }: 1 lead
    *[other] Won { $period }: { $count } leads
 }
cli-header-touch = TOUCH
cli-touch-first = first
cli-touch-last = last

# Import
cli-dry-run = — dry run: nothing was written
cli-standard-input = standard input
cli-mail-from-nobody = { $count ->
     [one] { $source }: the message is from and to nobody leadtrack knows; nothing was logged (add the sender as a contact, or give --lead ID)
    *[other] { $source }: none of its messages is from or to anyone leadtrack knows; nothing was logged (add the sender as a contact, or give --lead ID)
 }
cli-mail-summary = { $source }: { $total ->
     [one] 1 message
    *[other] { $total } messages
 }: { $logged ->
     [one] 1 activity
    *[other] { $logged } activities
 } logged, { $known } already logged, { $unknown } from nobody known
cli-mail-logged = logged   { $direction } { $subject }  on { $on }
cli-mail-known = known    { $subject }  ({ $source }): logged before, nothing logged again
cli-mail-skipped = skipped  { $subject }  ({ $source }): from and to nobody known
cli-no-cards = { $file } holds no cards
cli-no-leads = { $file } holds no leads
cli-progress-importing-cards = importing cards
cli-progress-importing-leads = importing leads
cli-import-file-failed = { $file }: { $error }; nothing of it was written (imported before it: { $before })
cli-cards-files-summary = { $files } files: { $added } added, { $merged } merged, { $known } already known, { $skipped } skipped
cli-cards-read = { $file }: { $count ->
     [one] 1 card
    *[other] { $count } cards
 } ({ $format })
cli-cards-summary = { $added } added, { $merged } merged, { $known } already known, { $skipped } skipped
cli-cards-line-added = line { $line } added    { $name }
cli-cards-added-on-line = { $name } (line { $line })
cli-cards-line-merged = line { $line } merged   into { $with }: { $reason }
cli-cards-line-known = line { $line } known    { $with }: { $reason }, nothing new
cli-line-skipped = line { $line }: { $reason }
note-team-file-read-only = { $path } is a team file: it is opened read-only and nothing in it changes (to work with the team, use sync: leadtrack sync --team-file { $path })
error-team-file-read-only = { $path } is a team file, opened read-only: nothing in it changes (to work with the team, use sync: leadtrack sync --team-file { $path })
status-team-file-read-only = · team file, read-only
skip-no-title = no title — skipped
skip-no-name = no name — skipped
skip-no-name-or-email = no name or email — skipped
cli-columns-in-notes = Columns kept in the notes: { $columns }
cli-columns-not-read = Columns not read (leadtrack works them out itself): { $columns }
cli-map-form = --map '{ $typed }': write it as 'HEADER=field'
cli-leads-summary = { $file }: { $added } added, { $updated } updated, { $unchanged } unchanged, { $skipped } skipped
cli-leads-line-added = line { $line } added    { $title }
cli-leads-line-updated = line { $line } updated  { $title }

# Export
cli-progress-exporting-contacts = exporting contacts
cli-progress-exporting-leads = exporting leads
cli-progress-exporting-activities = exporting activities
cli-wrote-contacts = { $count ->
     [one] Wrote 1 contact to { $path }
    *[other] Wrote { $count } contacts to { $path }
 }
cli-wrote-leads = { $count ->
     [one] Wrote 1 lead to { $path }
    *[other] Wrote { $count } leads to { $path }
 }
cli-wrote-activities = { $count ->
     [one] Wrote 1 activity to { $path }
    *[other] Wrote { $count } activities to { $path }
 }
cli-wrote-followups = { $count ->
     [one] Wrote 1 follow-up to { $path }
    *[other] Wrote { $count } follow-ups to { $path }
 }
cli-note-undated = { $count ->
     [one] note: 1 open lead has no next action, so it is not in the calendar
    *[other] note: { $count } open leads have no next action, so they are not in the calendar
 }
cli-note-lost-characters = { $count ->
     [one] note: 1 character has no Shift_JIS form and was written as ?; use --encoding utf-8-bom to keep it
    *[other] note: { $count } characters have no Shift_JIS form and were written as ?; use --encoding utf-8-bom to keep them
 }

# CSV column titles (--headers). In English they are the field names, the same as the
# JSON keys: scripts read them, so they never change. `lead list` uses csv-lead-* too.
csv-lead-id = id
csv-lead-title = title
csv-lead-company = company
csv-lead-stage = stage
csv-lead-source = source
csv-lead-source-detail = source_detail
csv-lead-owner = owner
csv-lead-value = value
csv-lead-next-action = next_action
csv-lead-next-action-on = next_action_on
csv-lead-rank = rank
csv-lead-score = score
csv-lead-tags = tags
csv-lead-notes = notes
csv-lead-campaign = campaign_id
csv-lead-upsell = upsell
csv-lead-last-activity-at = last_activity_at
csv-lead-created-at = created_at
csv-lead-updated-at = updated_at

csv-contact-id = id
csv-contact-family-name = family_name
csv-contact-given-name = given_name
csv-contact-family-reading = family_reading
csv-contact-given-reading = given_reading
csv-contact-company = company
csv-contact-company-reading = company_reading
csv-contact-department = department
csv-contact-title = title
csv-contact-email = email
csv-contact-phone = phone
csv-contact-mobile = mobile
csv-contact-fax = fax
csv-contact-emails = emails
csv-contact-phones = phones
csv-contact-postal-code = postal_code
csv-contact-address = address
csv-contact-url = url
csv-contact-other-addresses = other_addresses
csv-contact-other-urls = other_urls
csv-contact-other-companies = other_companies
csv-contact-exchanged-on = exchanged_on
csv-contact-exchanged-at = exchanged_at
csv-contact-exchanged-by = exchanged_by
csv-contact-notes = notes
csv-contact-tags = tags

csv-activity-id = id
csv-activity-kind = kind
csv-activity-lead-id = lead_id
csv-activity-contact-id = contact_id
csv-activity-occurred-at = occurred_at
csv-activity-duration-minutes = duration_minutes
csv-activity-direction = direction
csv-activity-summary = summary
csv-activity-body = body
csv-activity-by = by
csv-activity-campaign = campaign_id

csv-followup-due = due
csv-followup-bucket = bucket
csv-followup-lead = lead
csv-followup-company = company
csv-followup-rank = rank
csv-followup-score = score
csv-followup-next-action = next_action
csv-followup-contact = contact
csv-followup-contact-phone = contact_phone
csv-followup-contact-email = contact_email
csv-followup-owner = owner
csv-followup-last-activity = last_activity
csv-followup-lead-id = lead_id

# Team: sync and merge
cli-no-team-file = no team file: set [team] file in the config or give --team-file PATH
cli-merge-nothing-new = nothing new
cli-merge-counts = { $added } new records, { $updated } updated, { $history } earlier values kept in history, { $stages } stage changes
cli-team-created = Created the team file { $file }
cli-merged-from = From { $file }: { $counts }
cli-merged-from-conflicted = From the conflicted copy { $file }: { $counts } (moved to { $moved })
cli-left-alone = Left alone { $file }: { $reason }
cli-published = Published to { $file }
cli-team-holds-everything = The team file already holds everything here
sync-clock-far-ahead-of-team = This computer's clock says { $now }, far ahead of the rest of the team: set the right date and time in the system settings
sync-clock-far-ahead-of-rep = { $name }'s clock is far ahead (their changes are dated { $at }): the changes were merged as usual; ask { $name } to set the right date and time

# Check and backup
cli-check-database = Database
cli-check-schema = Schema
cli-check-schema-version = version { $found } (this leadtrack: { $known })
cli-check-integrity = Integrity
cli-check-ok = ok
cli-check-leads = Leads
cli-check-leads-counts = { $open } open, { $customers } customers
cli-check-contacts = Contacts
cli-check-contacts-counts = { $contacts } ({ $links } on leads)
cli-check-activities = Activities
cli-check-activities-count = { $count }
cli-check-history = History
cli-check-history-counts = { $stages } stage changes, { $values } replaced values
cli-check-failed = error: { $path } failed its integrity check; restore it from a backup
cli-backed-up = Backed up { $db } to { $file }

# Config
cli-no-config-home = no home directory to keep the config in; give --config PATH or set LEADTRACK_CONFIG
cli-note-no-config = note: there is no config file yet: `leadtrack config init` writes one
cli-note = note: { $message }
cli-config-written = Wrote { $path }: every key is there with its default, commented; set [user] name first
cli-cannot-make-folder = cannot make the folder of { $path }: { $reason }
cli-config-exists = { $path } already exists; nothing was written (edit it, or move it away to start again)

# Filters
cli-not-a-source = --source: '{ $typed }' is not a source ({ $names })
cli-not-a-rank = --rank: '{ $typed }' is not a rank (A, B or C)

## Errors
error-line = error: { $message }
kind-lead = lead
kind-contact = contact
kind-activity = activity
kind-campaign = campaign
kind-goal = goal
kind-segment = segment
error-not-leadtrack = { $path } is not a leadtrack database
error-foreign-schema = { $path } is not a leadtrack database: { $detail }
error-newer-schema = { $path } was written by a newer leadtrack (schema { $found }, this one knows up to { $known }); update leadtrack to open it
error-corrupt = { $path } is damaged ({ $detail }); restore it from a backup
error-cannot-open = { $path } cannot be opened: { $reason }
error-read-only = { $path } is read-only; nothing was changed
error-disk-full = the disk holding { $path } is full; nothing was changed
error-not-found = no { $kind } has an id starting with '{ $prefix }'
error-ambiguous = '{ $prefix }' matches { $count } { $kind }s; type more of the id
error-bad-id = '{ $prefix }' is not an id: ids are hexadecimal, at least 4 characters
error-deleted = { $kind } { $id } was deleted

## Forms, popups and messages
# form-: the forms' titles, labels, hints, choices and the problems marked at a field;
# popup-: the confirm, search and duplicate boxes; said-: the status line after an action.
# Data (titles, names, dates) comes in as values and stays as it is.

# The box every form is drawn in
form-keys = enter next/save · { $save } save · { $fields } fields · { $editor } $EDITOR · { $cancel } cancel
form-discard = Discard what you typed? { $key } discards, any other key goes back

# Hints and problems shared by the forms (the examples are read by the forms: a test checks)
form-hint-date = +3d, tomorrow, fri, 12/1
form-hint-moment = now, yesterday 15:00
form-hint-amount = 1200000, 1,200,000
form-bad-date = '{ $text }' is not a date (try today, tomorrow, +3d, +2w, friday, 12/1 or 2026-12-01)
form-bad-amount = '{ $text }' is not an amount (e.g. 1200000, 1,200,000 or ¥1,200,000)
form-bad-minutes = '{ $text }' is not a number of minutes
form-answer-unknown = unknown
form-answer-yes = yes
form-answer-no = no
form-next-action-on = Next action on

# The lead form and reschedule
form-lead-new-title = New lead
form-lead-edit-title = Edit lead
form-lead-title = Title
form-lead-company = Company
form-lead-next-action = Next action
form-lead-due = Due
form-lead-stage = Stage
form-lead-value = Value
form-lead-owner = Owner
form-lead-source = Source
form-lead-source-detail = Source detail
form-lead-tags = Tags
form-hint-tags = comma separated
form-lead-budget = Budget
form-lead-authority = Authority
form-lead-need = Need
form-lead-timing = Timing
form-lead-notes = Notes
form-lead-needs-title = a lead needs a title
form-reschedule-title = Reschedule: { $what }
form-reschedule-title-bare = Reschedule: next action

# The contact form (a business card)
form-contact-new-title = New contact
form-contact-edit-title = Edit contact
form-contact-family-name = Family name
form-contact-given-name = Given name
form-contact-family-reading = Family reading
form-contact-given-reading = Given reading
form-contact-company = Company
form-contact-company-reading = Company reading
form-contact-department = Department
form-contact-title = Title
form-contact-email = Email
form-contact-more-emails = Other emails
form-contact-phone = Phone
form-contact-mobile = Mobile
form-contact-fax = Fax
form-contact-more-phones = Other numbers
form-contact-postal-code = Postal code
form-contact-address = Address
form-contact-url = URL
form-contact-other-urls = Other URLs
form-contact-other-companies = Other companies
form-contact-exchanged-at = Met at
form-contact-exchanged-by = Met by
form-contact-other-addresses = Other addresses
form-contact-exchanged-on = Met on
form-contact-notes = Notes
form-hint-more-emails = a@example.jp, b@example.jp (home)
form-hint-more-phones = 03-1111-2222 (home), 090-… (mobile)
form-hint-other-addresses = one a line: 150-0001 Shibuya, Tokyo… (home)
form-hint-met-on = 2026-11-20, yesterday
form-contact-needs-a-name = a contact needs a name, an email or a company
form-bad-kind = '{ $text }' is not a kind: use work, home, mobile, fax or other
form-bad-email = '{ $text }' is not an email address
form-bad-number = '{ $text }' is not a phone number

# Logging and editing an activity
form-log-kind = Kind
form-log-summary = Summary
form-log-when = When
form-log-minutes = Minutes
form-log-direction = Direction
form-log-outbound = outbound
form-log-inbound = inbound
form-log-with = With
form-log-details = Details
form-log-person = { $name } ({ $role })
form-log-title-on-lead = { $kind } — { $lead }
form-log-activity-on-lead = Activity — { $lead }
form-log-activity = Activity
form-log-edit-title-on-lead = Edit { $kind } — { $lead }
form-log-edit-title = Edit { $kind }
form-log-needs-summary = what happened? one line is enough
# The next action a date alone sets (saved with the lead)
form-log-follow-up = Follow up

# Putting a contact on a lead (and a card on a lead)
form-link-title = Put a contact on { $lead }
form-link-to-lead-title = Put { $name } on a lead
form-link-contact = Contact
form-link-lead = Lead
form-link-role = Role
form-hint-find-contact = type a name, reading or company
form-hint-find-lead = type part of a lead's title or company
form-link-choose-contact = type part of a name and choose with ↑/↓
form-link-choose-lead = type part of a title and choose with ↑/↓
form-link-nobody-matches = nobody matches: try the reading or the company
form-link-no-lead-matches = no lead matches: try part of the title or the company

# The filter form
form-filter-board-title = Filter the board
form-filter-lists-title = Filter the lists
form-filter-any = any
form-filter-me = me ({ $name })
form-filter-words = Words
form-hint-filter-words = in title, company, notes
form-filter-tag = Tag
form-filter-rank = Rank
form-filter-stale = Stale
form-filter-stale-no = no
form-filter-stale-yes = yes: only stale leads

# The yes/no question
popup-confirm-title = Confirm
popup-confirm-yes = yes
popup-confirm-no = no
popup-confirm-unlink = Take { $name } off this lead?
popup-confirm-delete-activity = Delete { $kind } "{ $summary }"?
popup-confirm-delete-contact = Delete contact { $name }?
popup-confirm-delete-lead = Delete lead { $title }?

# Search
popup-search-hint = Type part of a name, reading, company or summary (hiragana, katakana and half-width kana all work).
popup-search-nothing = Nothing matches.
popup-search-lead = Lead
popup-search-contact = Contact

# Reviewing duplicate contacts
popup-dedupe-title = Probable duplicate { $at }/{ $of } — { $reason }
popup-dedupe-stays = Stays
popup-dedupe-merged-into-it = Merged into it
popup-dedupe-name = Name
popup-dedupe-reading = Reading
popup-dedupe-numbers = Numbers
popup-dedupe-rule = The card met later wins; no email, number or address is lost.
popup-dedupe-merge = merge
popup-dedupe-skip = skip
popup-dedupe-stop = stop
popup-dedupe-same-id = same id
popup-dedupe-same-uid = same card UID
popup-dedupe-same-card = the same card again
popup-dedupe-same-email = same email
popup-dedupe-same-mobile = same mobile number
popup-dedupe-same-name-and-company = same name and company
popup-dedupe-same-name = same name, nothing that differs

# The status line after an action
said-cancelled = Cancelled: nothing was saved
said-not-saved = Not saved: { $problem }
said-not-deleted = Not deleted
said-last-stage = { $stage } is the last stage that way
said-already-customer = Already a customer
said-no-duplicates = No probable duplicates
said-added-lead = Added { $title }
said-next-action-on = Next action on { $date }
said-no-next-action-date = No next action date
said-no-change = No change
said-saved = Saved { $fields }
said-saved-undoable = Saved { $fields } — { $key } undoes
said-logged = Logged { $kind }
said-logged-next = Logged { $kind } · next: { $next }
said-contact-added = Contact added
said-contact-saved = Contact saved
said-now-role = Now { $role } on the lead
said-linked-as = On the lead as { $role }
said-already-in = { $title } is already in { $stage }
said-moved = Moved { $title } to { $stage } — { $key } undoes
said-nothing-to-undo = Nothing to undo
said-nothing-to-redo = Nothing to redo
said-undone = Undone: { $what } — { $key } redoes
said-redone = Redone: { $what }
said-unlinked = Taken off the lead — { $key } undoes
said-deleted = Deleted — { $key } undoes
said-merged-skipped = Merged { $merged }, skipped { $skipped }
said-duplicates-reviewed = Duplicates reviewed: merged { $merged }, skipped { $skipped }
said-no-card-selected = No card selected: add one with { $key }, or import cards
said-pick-a-contact-first = Pick a contact first: { $key } moves through the lead's contacts
said-contact-on-no-lead = This contact is not on any lead yet
said-sorted-by-rank = Sorted by rank
said-sorted-by-next-action = Sorted by next action
said-sorted-by-value = Sorted by value
said-sorted-longest-quiet-first = Sorted longest quiet first
said-only-stale = Only stale leads
said-stale-or-not = All leads, stale or not
said-everyones-leads = Everyone's leads
said-my-leads = My leads ({ $name })
said-their-leads = { $name }'s leads
said-filtered = Filtered: { $filters } ({ $key } clears)
said-no-filters = No filters: every lead is shown
said-no-filters-to-clear = No filters to clear
said-filters-cleared = Filters cleared: every lead is shown

# What an undo or a redo did (after "Undone: " and "Redone: ")
said-a-deleted-lead = a deleted lead
said-a-contact = a contact
said-the-activity = the activity
said-activity-on-lead = { $kind } on { $lead }
said-activity-with-contact = { $kind } with { $name }
said-next-action-back-to = next action of { $title } back to { $date }
said-next-action-back-to-no-date = next action of { $title } back to no date
said-lead-as-it-was = { $title } already as it was
said-lead-fields-back = { $fields } of { $title } back
said-lead-back-to = { $title } back to { $stage }
said-lead-moved-to = { $title } moved to { $stage }
said-lead-back = lead { $title } back
said-lead-removed = lead { $title } removed
said-activity-removed = { $activity } removed
said-activity-logged-again = { $activity } logged again
said-contact-removed = contact { $name } removed
said-contact-fields-back = { $fields } of contact { $name } back
said-contact-back = contact { $name } back
said-link-as-before = { $name } on { $title } as before
said-link-taken-off = { $name } taken off { $title }
said-activity-fields-back = { $fields } of the activity back
said-activity-back = { $activity } back

# Fields as the messages name them
said-field-other = field
said-lead-field-title = title
said-lead-field-company = company
said-lead-field-source = source
said-lead-field-source-detail = source detail
said-lead-field-owner = owner
said-lead-field-value = value
said-lead-field-next-action = next action
said-lead-field-next-action-on = next action date
said-lead-field-qualification = qualification (BANT)
said-lead-field-tags = tags
said-lead-field-notes = notes
said-lead-field-stage = stage
said-contact-field-family-name = family name
said-contact-field-given-name = given name
said-contact-field-family-reading = family reading
said-contact-field-given-reading = given reading
said-contact-field-company = company
said-contact-field-company-reading = company reading
said-contact-field-department = department
said-contact-field-title = title
said-contact-field-email = email
said-contact-field-phone = phone
said-contact-field-mobile = mobile
said-contact-field-fax = fax
said-contact-field-number = number
said-contact-field-postal-code = postal code
said-contact-field-address = address
said-contact-field-url = url
said-contact-field-other-address = other address
said-contact-field-other-url = other url
said-contact-field-other-company = other company
said-contact-field-exchanged-on = exchanged on
said-contact-field-exchanged-at = exchanged at
said-contact-field-exchanged-by = exchanged by
said-contact-field-notes = notes
said-contact-field-tags = tags
said-activity-field-kind = kind
said-activity-field-when = when
said-activity-field-duration = duration
said-activity-field-direction = direction
said-activity-field-summary = summary
said-activity-field-details = details
said-activity-field-contact = contact
said-activity-field-lead = lead

## Errors from values and config
error-config-missing = config file { $path } does not exist
error-config-unreadable = config file { $path } cannot be read: { $reason }
error-config-invalid = config file { $path }, line { $line }: { $message }
error-config-not-utf8 = the file is not UTF-8 text
error-config-quoted = { $text }
error-config-key-quoted = `{ $key }`: { $text }
error-config-unknown-key = unknown key `{ $key }`
error-config-unknown-key-one-of = unknown key `{ $key }` (expected one of { $keys })
error-config-unknown-key-expected = unknown key `{ $key }` (expected { $expected })
error-config-ranks-order = `{ $key }` must be a number above scoring.ranks.b ({ $b })
error-config-half-life = `{ $key }` must be 0 (no decay) or a positive number of days
error-config-not-a-number = `{ $key }` must be a number
error-config-at-least = `{ $key }` must be at least { $min }
error-config-date-format = `{ $key }` '{ $format }' is not a date format such as %Y-%m-%d
error-config-empty-name = `{ $key }` must not contain an empty name
error-config-control-characters = `{ $key }` must not contain control characters
error-config-syntax = { $text }
config-expected-keys = a key such as "ctrl-s", or a list of keys such as ["j", "down"]
error-config-wrong-type = invalid type: { $found }, expected { $expected }
error-config-unknown-value = unknown variant { $typed }, expected one of { $expected }
config-value-string = string
config-value-integer = integer
config-value-number = floating point
config-value-boolean = boolean
config-value-list = sequence
config-value-table = map
config-expected-whole-number = a whole number
config-expected-number = a number
config-expected-boolean = true or false
config-expected-string = a string
config-expected-list = a sequence
error-flag-value = { $flag }: { $problem }
arg-stage = stage
arg-kind = kind
error-not-a-stage = { $flag }: '{ $typed }' is not a stage: use { $names }
error-not-a-kind = { $flag }: '{ $typed }' is not an activity kind: use { $names }
error-not-a-role = { $flag }: '{ $typed }' is not a role: use { $names }
error-not-a-source = '{ $typed }' is not a source: use one of { $names } (or add it to [sources] names)
error-not-a-language = '{ $typed }' is not a language (en or ja)
error-next-action-needs-lead = a next action belongs to a lead; give --lead
error-duration-minutes = --duration must be a number of minutes, 0 or more
error-not-an-amount = { $flag }: '{ $typed }' is not an amount (e.g. 1200000, 1,200,000, ¥1,200,000 or 120万)
error-not-a-direction = { $flag }: '{ $typed }' is not a direction: use inbound or outbound
error-not-a-criterion = { $flag }: '{ $typed }' is not yes, no or unknown (optionally with ':note')
error-too-many-days = --within { $days }: too many days
error-lead-needs-title = a lead needs a title
error-activity-needs-summary = an activity needs a summary
error-moved-on-since = the lead has moved on to { $current } since; its move to { $to } is not undone
error-contact-not-on-lead = contact { $contact } is not on lead { $lead }
error-flag-text-value = { $flag } '{ $text }': { $problem }
error-csv-line-too-long = { $file }, line { $line }: the line is { $mb } MB long; this is not a CSV file of cards or leads
error-csv-unclosed-quote = { $file }, line { $line }: a quoted field opened here is never closed (a " is missing)
error-csv-empty-header = { $file }, line { $line }: the header row is empty
error-csv-field-count = { $file }, line { $line }: the row has { $len } fields where the header has { $expected }
error-csv-not-utf8 = { $file }, line { $line }: the text is not UTF-8
error-csv-other = { $file }, line { $line }: { $detail }
error-not-utf16 = { $file }, line { $line }: the text starts as UTF-16 but is not UTF-16 throughout
error-not-text = { $file }, line { $line }: this is not a text file (it holds a NUL byte)
error-not-utf8-try-sjis = { $file }, line { $line }: the text is not UTF-8 (try --encoding shift_jis)
error-not-sjis = { $file }, line { $line }: the text is not Shift_JIS (try --encoding utf-8)
error-title-not-empty = a lead needs a title; --title cannot be empty
error-map-not-a-lead-field = --map '{ $header }={ $field }': '{ $field }' is not a lead field (use one of { $fields })
error-map-no-column = --map: { $file } has no column '{ $header }'
error-no-title-column = { $file }, line 1: no column is the lead's title (name one with --map 'HEADER=title')

## Errors about files, records and keys
error-cannot-read = { $path } cannot be read: { $reason }
error-cannot-write = cannot write { $path }: { $reason }
error-cannot-copy = cannot copy { $path }: { $reason }
error-cannot-read-folder = cannot read the folder { $path }: { $reason }
error-cannot-make-archive = cannot make the archive folder { $path }: { $reason }
error-cannot-archive = cannot move { $path } to the archive: { $reason }
error-cannot-replace-team-file = cannot replace the team file { $path }: { $reason }
error-cannot-make-copy = cannot make a private copy: { $reason }
io-not-found = No such file or directory
io-permission-denied = Permission denied
io-already-exists = File exists
io-is-a-folder = Is a directory
io-not-a-folder = Not a directory
io-disk-full = No space left on device
io-read-only = Read-only file system
io-invalid-data = Invalid data
io-closed = Broken pipe
error-cannot-write-csv = cannot write CSV: { $reason }
error-cannot-write-json = cannot write JSON: { $reason }
error-cannot-write-output = cannot write the output: { $reason }
error-cannot-write-man-page = cannot write the man page: { $reason }
error-csv-cell-split = cannot write CSV: a cell ends inside a character
error-at-path = { $path }: { $problem }
error-disk-read = { $path } could not be read (disk I/O error); nothing was changed
error-disk-write = { $path } could not be written (disk I/O error); nothing was changed
error-terminal = the terminal stopped working: { $reason }
error-file-exists = { $path } already exists; choose a new file name
error-file-not-read = { $file } could not be read
error-path-not-utf8 = { $path }: the path is not UTF-8
error-no-home-for-database = no home directory to keep the database in; give --db PATH or set LEADTRACK_DB
detail-value-unreadable = a value in it does not read back as written
detail-malformed = database disk image is malformed
detail-unreadable = unreadable
detail-cut-short = the file is shorter than its header says (cut short while copied)
detail-unable-to-open = unable to open the database file
detail-no-wal = the file system does not allow write-ahead logging ({ $mode })
detail-format-not-writable = its header marks it as a format this leadtrack cannot write
detail-foreign-object = it holds a { $kind } '{ $name }' that leadtrack never makes
detail-missing-object = it has no { $kind } '{ $name }'
schema-table = table
schema-virtual-table = virtual table
schema-index = index
schema-view = view
schema-trigger = trigger
error-damaged-stamp = { $kind } { $id } has a damaged clock stamp
error-move-not-undoable = the move { $change } of lead { $lead } is not a move that can be undone
error-activity-needs-lead-or-contact = an activity belongs to a lead or a contact; give --lead or --contact
error-activity-keeps-contact = an activity belongs to a lead or a contact; this one has no lead, so it keeps its contact
error-contact-needs-name = a contact needs a name, an email or a company
error-contact-keeps-name = a contact needs a name, an email or a company; this change would leave none
error-team-folder-unreachable = team folder not reachable — working locally ({ $folder })
error-team-folder-read-only = the team folder { $folder } is read-only for you, so nothing was published (records pulled in and kept here: { $pulled }); ask whoever manages the folder for write access
error-another-teams-file = { $path } is another team's file than the one this database syncs with; use a new local database for that team
error-not-this-teams-copy = not a copy of this team's file
error-team-file-changed-while-read = { $path } changed while it was being read (a sync tool was writing it); nothing was taken in — the next round reads it again
error-demo-beside-records = { $path } already holds { $leads } leads, { $contacts } contacts and { $activities } activities, and demo data never mixes with real records: try it in a database of its own (leadtrack demo --db demo.db), or add --force to add a second demo set beside them
error-demo-not-made = the demo data could not be made: { $reason }
records-leads = leads
records-contacts = contacts
records-activities = activities
error-vcard-is-for-contacts = --format vcard is for contacts; use csv or json for { $records }
error-not-a-key = '{ $text }' is not a key (e.g. "q", "ctrl-s", "enter", "pagedown")
error-keymap-damaged = the built-in keymap is damaged: { $detail }
error-key-not-an-action = '{ $id }' is not an action of the app (expected one of { $ids }; the app's help, ?, shows each with its keys)
error-key-needs-a-key = needs at least one key
error-key-taken = '{ $chord }' is already the key of `{ $action }` in the { $view } view

## Errors about card, lead and mail files
cell-at = { $file }, line { $line }, column '{ $header }'
problem-not-a-date = '{ $typed }' is not a date
error-map-is-for-csv = --map is for CSV files; a vCard names its own fields
error-map-not-a-card-field = --map '{ $typed }': '{ $field }' is not a card field (use one of { $fields })
error-map-no-card-column = --map: { $file } has no column '{ $header }' (its columns: { $headers })
error-no-card-columns = { $file }, line { $line }: no column is a name, an email address or a company of a card; name its columns with --map 'HEADER=field'
error-no-card-columns-leads = { $file }, line { $line }: no column is a name, an email address or a company of a card; it looks like a file of leads: use `leadtrack import leads`
error-vcard = { $file }, line { $line }: { $problem }
error-vcard-binary = the file holds binary data, not vCard text
error-vcard-end-without-begin = END:VCARD without a BEGIN:VCARD before it
error-vcard-none = no vCard in the file
error-vcard-no-end = the card that starts here has no END:VCARD
error-vcard-line-too-long = the line is longer than 1 MiB; this is not a vCard file
mail-from-stdin = standard input
mail-message-in-mbox = { $file }, message { $number } (line { $line })
error-mail-cannot-read = { $origin } cannot be read: { $reason }
error-mail-empty = { $origin } is empty: it holds no mail message
error-mbox-message-empty = { $origin } is empty: there is nothing after its From line
error-mbox-empty = { $origin } is an empty mbox: it holds no mail message
error-not-a-maildir = { $path } is not a Maildir: it has no cur or new folder
error-maildir-empty = { $path } is an empty Maildir: it holds no mail message
error-not-mail = { $origin } is not a mail message: { $why }
mail-problem-binary = it holds binary data
mail-problem-not-headers = it does not begin with mail headers (From:, To:, Subject:, Date:)
mail-problem-no-headers = it has no header fields
mail-no-subject = (no subject)

## The filters in a list's header
filter-word-tag = tag { $tag }
filter-word-rank = rank { $rank }
filter-word-stale = stale only

error-team-server-address = the team server address { $address } cannot be read: { $reason }
error-team-server-unreachable = team server unreachable ({ $reason }): { $server }
error-team-server-offline = team server unreachable ({ $reason }); { $waiting } changes waiting — working locally ({ $server })
error-team-server-login = the team server { $server } refused the login: { $reason }; nothing was changed
error-team-server-no-grant = { $server } may not use the team's tables ({ $reason }): ask whoever runs the server to add this role to the team's group; nothing was changed
error-team-server-failed = the team server { $server } could not finish the round ({ $reason }); nothing was changed
error-team-node-bound = this database pushes to { $server } as { $bound }, not as { $role }: each rep's database keeps the role it joined with
error-team-group-missing = the group role { $group } does not exist on { $server }: create it first (CREATE ROLE { $group } NOLOGIN), or name another with --group
error-team-snapshot-owner-only = only the owner of the team database publishes snapshots, and { $role } is not it on { $server }: run `leadtrack team snapshot` as the database's owner
error-team-snapshot-waiting = { $waiting } changes here have not reached { $server } yet, so no snapshot was published: run `leadtrack team snapshot` again
error-team-snapshot-damaged = the team's snapshot of { $made } on { $server } cannot be used ({ $reason })
error-team-server-empty = { $server } has no leadtrack team yet: run leadtrack team init there as the database's owner
error-another-teams-server = { $server } holds another team than the one this database syncs with; use a new local database for that team
error-team-server-other-team = { $server } already holds another team's changes; migrate a team file only onto a new team database
error-config-team-file-and-server = set either team.file or team.server: a team shares through one of them
error-team-file-and-server = both a team file ({ $file }) and a team server ({ $server }) were given: a team shares through one of them
error-no-team-server = no team server is set: give --team-server postgresql://… or set [team] server in the config
error-no-such-file = { $path } does not exist
error-not-a-team-file = { $path } is not a team file (it was never published by a sync)
cli-server-round = { $server } as { $role }: sent { $pushed } changes; pulled: { $counts }
cli-team-server-ready = { $server } is ready for the team (schema { $version }, tables granted to { $group })
cli-team-migrated = { $file } → { $server }: { $pushed } of { $held } rows were new on the server
cli-team-snapshot-published = { $server }: published a snapshot holding every change up to { $upto } ({ $size } MB, { $stored } MB stored); new reps start from it
cli-snapshot-taken = started from the team's snapshot of { $made } ({ $size } MB)
cli-snapshot-unusable = { $reason }; every change was pulled instead
status-team-server-offline = offline: { $waiting } changes waiting

## Campaigns, goals and segments
error-campaign-needs-name = a campaign needs a name
error-campaign-cost = a campaign's cost cannot be below zero
error-not-a-campaign-kind = { $flag }: '{ $typed }' is not a kind of campaign: use { $names }
error-not-a-metric = { $flag }: '{ $typed }' is not a goal's step: use { $names }
error-not-a-period = { $flag }: '{ $typed }' is not a period: use a month such as 2026-12 or a quarter such as 2026-Q4
error-goal-target = a goal's target cannot be below zero
error-segment-needs-name = a segment needs a name
cli-campaign-nothing-to-change = nothing to change: give --name, --kind, --start, --end, --cost, --owner or --notes
cli-campaign-unchanged = No change: campaign { $name } already has those values
cli-campaign-changed = Changed { $fields } of campaign { $name }
cli-campaign-deleted = Deleted campaign { $name }
cli-header-campaign = CAMPAIGN
cli-header-start = START
cli-header-cost = COST
cli-header-considering = CONSIDERING
cli-header-cost-per-lead = COST/LEAD
cli-header-cost-per-won = COST/WON
cli-header-return = RETURN
cli-campaign-days = Days
cli-campaign-notes = Notes
cli-campaign-touched = Touched
cli-campaign-touched-counts = { $leads } leads, { $contacts } people
cli-campaign-responses = Responses
cli-campaign-considering = To considering
cli-campaign-won = Won
cli-campaign-name = Campaign
cli-campaign-kind = Kind
cli-campaign-cost = Cost
cli-campaign-owner = Owner
cli-campaign-leads = Leads from it
cli-campaign-cost-per-lead = Cost per lead
cli-campaign-cost-per-won = Cost per won
cli-campaign-return = Return
cli-campaign-window = Counted for
cli-campaign-window-days = { $days } days after first reaching a lead
error-no-such-campaign = no campaign is named '{ $typed }': add it with `leadtrack campaign add --name …` first
pace-reached = reached
pace-on-track = on track
pace-behind = behind by { $by }, { $per_day }/day needed
pace-missed = missed by { $short }
goal-team = team
cli-goal-added = Goal for { $period }: { $metric } { $target } ({ $owner })
cli-goal-changed = Goal for { $period }: { $metric } { $before } → { $target } ({ $owner })
cli-goal-same = No change: the goal for { $period } is already { $metric } { $target } ({ $owner })
cli-goal-deleted = Deleted goal { $id }
cli-header-period = PERIOD
cli-header-metric = STEP
cli-header-target = TARGET
cli-header-actual = ACTUAL
cli-header-pace = PACE
stats-goals = Goals
cli-stats-goals = Goals (this month and quarter)
waterfall-campaign = campaign: { $name }

## Segments and no mail (配信停止)
error-segment-needs-filter = a segment needs at least one filter: give --owner, --tag, --source, --rank, --stage, --campaign or --quiet-days
error-no-such-segment = no segment is named '{ $name }': see `leadtrack segment list`
segment-word-owner = owner { $owner }
segment-word-campaign = campaign { $campaign }
segment-word-quiet = { $days ->
     [one] nothing done for over 1 day
    *[other] nothing done for over { $days } days
 }
cli-segment-added = Added segment { $name }: { $filters }
cli-segment-changed = Changed segment { $name }: { $filters }
cli-segment-deleted = Deleted segment { $name }
cli-segment-none = No segments yet: add one with `leadtrack segment add NAME --tag …`
cli-header-segment = SEGMENT
cli-header-filters = FILTERS
cli-segment-csv-only = a segment is written as CSV for a mail tool: leave out --format or give --format csv
cli-segment-wrote = Segment { $name }: wrote { $count ->
     [one] 1 person
    *[other] { $count } people
 } to { $path }; left out { $no_mail } who asked for no mail and { $no_email } with no email address
cli-segment-written = Segment { $name }: wrote { $count ->
     [one] 1 person
    *[other] { $count } people
 }; left out { $no_mail } who asked for no mail and { $no_email } with no email address
cli-no-mail-since = since { $date }
csv-segment-email = email
csv-segment-name = name
csv-segment-reading = reading
csv-segment-company = company
csv-segment-lead = lead
csv-segment-rank = rank
form-contact-no-mail = No mail since
form-hint-no-mail = 2026-11-20, today; empty: mail again

## The app's Campaigns view, and campaigns in its forms
view-campaigns = Campaigns
key-view-campaigns = Campaigns
context-campaigns = campaigns
col-campaign = CAMPAIGN
col-start = START
col-cost = COST
col-leads = LEADS
col-considering = CONSIDERING
col-won = WON
col-cost-per-lead = COST/LEAD
col-cost-per-won = COST/WON
col-return = RETURN
campaigns-empty = No campaigns yet: { $command }
campaign-kind = Kind
campaign-days = Days
campaign-cost = Cost
campaign-owner = Owner
campaign-notes = Notes
campaign-leads = Leads from it
campaign-touched = Touched
campaign-touched-counts = { $leads ->
     [one] 1 lead
    *[other] { $leads } leads
 }, { $contacts ->
     [one] 1 person
    *[other] { $contacts } people
 }
campaign-responses = Responses
campaign-window = Counted for
campaign-window-days = { $days } days after first reaching a lead
campaign-considering = To considering
campaign-won = Won
campaign-cost-per-lead = Cost per lead
campaign-cost-per-won = Cost per won lead
campaign-return = Return on cost
form-campaign = Campaign
said-lead-field-campaign = campaign
said-activity-field-campaign = campaign
cli-header-lifetime-value = LIFETIME VALUE
cli-header-last-won = LAST WON
cli-header-open-upsell = OPEN UPSELL
card-no-mail = No mail
card-no-mail-since = since { $date }
col-lifetime-value = LIFETIME
col-last-won = LAST WON
col-open-upsell = UPSELL
detail-campaign = Campaign
detail-upsell = upsell
