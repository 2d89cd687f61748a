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
