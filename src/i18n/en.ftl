# Pressroom — English (reference catalog: every other language has exactly these keys)

nav-skip = Skip to content
nav-label = Main
nav-home = Home
nav-users = Users
nav-departments = Departments
nav-audit = Audit log
nav-account = Your account
nav-logout = Log out

save = Save
none = None
form-has-errors = Please correct the marked fields.

role-admin = Admin
role-editor = Editor
role-contributor = Contributor

field-name = Name
field-display-name = Display name
field-email = Email
field-password = Password
field-password-repeat = Password again
field-password-current = Current password
field-password-new = New password
field-password-initial = Initial password
field-team-timezone = Team time zone
field-timezone = Time zone
field-language = Language
field-role = Role
field-department = Department
hint-password = At least 10 characters. A sentence you remember is a good password.
hint-team-timezone = Posting slots and the calendar use this zone unless a user picks another.
hint-department = Contributors hand in ideas for their department, so they need one.

setup-title = Set up Pressroom
setup-lead = Create the first admin account. You can add your team right after.
setup-submit = Create admin and start

login-title = Log in
login-lead = Welcome back to your editorial desk.
login-submit = Log in

home-title = Home
home-greeting = Hello, { $name }
home-role = You are signed in as { $role }.
home-next-departments = Next: add your departments
home-next-departments-text = Ideas come from departments. Add them, then invite contributors and editors.

account-title = Your account
account-profile = Profile
account-password = Change password
account-password-submit = Change password

users-title = Users
users-status = Status
users-active = Active
users-disabled = Disabled
users-add = Add a user
users-add-submit = Add user
users-no-departments = Contributors need a department; there is none yet.

user-edit-title = Role and department
user-access = Access
user-disable = Disable user
user-disable-text = A disabled user is signed out at once and cannot log in until enabled again.
user-enable = Enable user
user-disabled-text = This user cannot log in.
user-cannot-disable-self = You cannot disable your own account.

departments-title = Departments
departments-lead = Where ideas come from.
departments-none = No departments yet.
departments-starter-text = Most teams start with these:
departments-starter-submit = Add them all
departments-add = Add a department
departments-add-submit = Add department

audit-title = Audit log
audit-lead = Who did what, and when. The latest 200 entries.
audit-when = When
audit-who = Who
audit-action = Action
audit-target = Target
audit-from = From

flash-setup-done = Welcome! Your team's desk is ready.
flash-logged-out = You are logged out.
flash-account-saved = Your settings are saved.
flash-password-changed = Your password is changed. Your other sessions were ended.
flash-user-created = The user was added.
flash-user-saved = The user was saved.
flash-user-disabled = The user is disabled and was signed out.
flash-user-enabled = The user is enabled again.
flash-cannot-disable-self = You cannot disable your own account.
flash-department-created = The department was added.
flash-departments-created = The departments were added.

error-back-home = Back to the start page
error-not-found = Not found
error-not-found-text = There is nothing at this address, or you may not see it.
error-forbidden = Not allowed
error-forbidden-text = Your role does not allow this.
error-unauthorized = Sign-in needed
error-unauthorized-text = Please sign in, or send a valid API token.
error-csrf = Form expired
error-csrf-text = The form was too old or did not come from this site. Go back, reload the page and try again.
error-invalid = Please check your input
error-invalid-text = Some fields are not valid.
error-bad-request = Bad request
error-bad-request-text = The request could not be read.
error-conflict = Changed meanwhile
error-conflict-text = Someone changed this meanwhile.
error-too-many = Too many attempts
error-too-many-text = Please wait a while and try again.
error-unavailable = Temporarily unavailable
error-unavailable-text = The database does not answer. Please try again in a moment.
error-internal = Something went wrong
error-internal-text = This was our fault and has been logged.
error-method = Method not allowed
error-method-text = This address does not take this kind of request.
error-too-large = Too large
error-too-large-text = What you sent is too large.
error-media-type = Unsupported format
error-media-type-text = The request's content type is not one this address takes.

error-email-invalid = Enter an email address like name@example.com.
error-email-taken = A user with this email exists already.
error-required = This field is required.
error-too-long = This is too long.
error-control-chars = This contains characters that cannot be shown.
error-bidi-chars = This contains characters that reverse the direction of the text.
error-password-short = The password needs at least 10 characters.
error-password-mismatch = The two passwords differ.
error-password-current = The current password is wrong.
error-timezone = Pick a time zone from the list.
error-language = Pick a language from the list.
error-role = Pick a role from the list.
error-department-unknown = Pick a department from the list.
error-department-required = A contributor needs a department.
error-department-exists = This department exists already.
error-last-admin = The team needs at least one active admin.
error-login-wrong = The email or password is wrong.
error-login-disabled = This account is disabled. Ask an admin to enable it.
error-login-throttled = Too many failed attempts. Please wait a few minutes and try again.

state-draft = Draft
state-submitted = Submitted
state-in_review = In review
state-changes_requested = Changes requested
state-approved = Approved
state-rejected = Rejected
state-in_production = In production
state-scheduled = Scheduled
state-published = Published
state-archived = Archived

action-submit = Submit
action-withdraw = Withdraw to draft
action-start-review = Start review
action-request-changes = Request changes
action-approve = Approve
action-reject = Reject
action-resubmit = Resubmit
action-start-production = Start production
action-back-to-approved = Back to approved
action-schedule = Mark scheduled
action-unschedule = Unschedule
action-mark-published = Mark published
action-archive = Archive
action-reopen = Reopen

error-refused = Not possible
error-refused-text = This is not possible here.
error-transition-not-from-here = This step is not possible from the idea's current state.
error-transition-role = Your role cannot take this step.
error-transition-not-yours = Only the person who handed in the idea can take this step.
error-comment-required = Please say why in a comment.
error-changed-by = { $name } changed this meanwhile. Your text is kept below: check their change and send again.

nav-ideas = Ideas
nav-board = Board
nav-mail = Mail
idea-new-short = + Idea
cancel = Cancel
next-page = Next page

idea-new-title = Hand in an idea
idea-new-lead = A title is enough to start; the more you tell, the faster the team can decide.
idea-edit-title = Edit idea
idea-title = Idea
idea-by = by { $name }
idea-for-department = For the department
idea-submit = Submit idea
idea-save-draft = Save as draft
idea-no-channels = No channels yet: the editorial team adds them.
idea-history = History
idea-comment = Comment
idea-comment-submit = Add comment
idea-next-step = Next step
idea-assign = Assign
idea-assign-me = Take it myself
idea-similar = Similar earlier ideas

field-title = Title
field-pitch = Pitch
field-audience = Audience
field-pillar = Pillar or campaign
field-tags = Tags
field-tag = Tag
field-wished-date = Wished publication date
field-channels = Proposed channels
field-languages = Languages
field-links = Reference links
field-assignee = Assignee
field-comment = Comment
hint-pitch = What is it, and why would our audience care? Markdown works: **bold**, lists, links.
hint-audience = Who is it for, e.g. "SME customers in Romandy".
hint-pillar = The content pillar or campaign it belongs to.
hint-tags = Separate with commas.
hint-links = One web address per line.
hint-mention = Mention someone with @ and the first part of their email address, e.g. @anna.
hint-step-comment = Needed when you request changes or reject.

language-de = German
language-fr = French
language-it = Italian
language-en = English

ideas-title = Ideas
ideas-lead = Everything handed in that you may see.
ideas-mine = My ideas
ideas-none = No ideas yet. Hand in the first one!
ideas-none-filtered = No idea matches these filters.

filter-search = Search title and pitch
filter-state = State
filter-any = Any
filter-me = Me
filter-from = Submitted from
filter-to = Submitted until
filter-sort = Order
filter-apply = Filter
filter-reset = Reset
sort-newest = Newest first
sort-oldest = Oldest first

bulk-select = Select
bulk-title = With the selected ideas:
bulk-assign = Assign
bulk-reject = Reject
bulk-reject-hint = Why they are rejected (required)

board-title = Board
board-lead = Every idea in review and production, one column per state.
board-move = Move
board-more = Show all in the list

event-created = handed in the idea
event-edited = edited the idea
event-transition = moved the idea
event-comment = commented
event-assigned = changed the assignee

account-mail = Email notifications
mail-kind-state = When my idea changes state
mail-kind-comment = When someone comments on my idea
mail-kind-assigned = When an idea is assigned to me
mail-kind-mention = When someone mentions me

mail-title = Mail
mail-lead = Notifications that could not be sent yet. They are retried with growing pauses and never dropped.
mail-retry = Retry all now
mail-to = To
mail-subject = Subject
mail-attempts = Attempts
mail-error = Last error
mail-next = Next attempt
mail-none-failing = All mail has been sent.
mail-footer = You get this mail from Pressroom. Choose which mail you want under "Your account".

mail-state-subject = Your idea "{ $title }" is now: { $state }
mail-state-body = Hello { $name },
    
    { $actor } moved your idea "{ $title }" to: { $state }.
    
    { $comment }
mail-comment-subject = New comment on "{ $title }"
mail-comment-body = Hello { $name },
    
    { $actor } commented on your idea "{ $title }":
    
    { $comment }
mail-mention-subject = { $actor } mentioned you on "{ $title }"
mail-mention-body = Hello { $name },
    
    { $actor } mentioned you in a comment on "{ $title }":
    
    { $comment }
mail-assigned-subject = "{ $title }" was assigned to you
mail-assigned-body = Hello { $name },
    
    { $actor } assigned the idea "{ $title }" to you.

flash-idea-submitted = Your idea was handed in. You will be told by email what becomes of it.
flash-idea-draft = Your draft is saved. Only you can see it until you submit it.
flash-idea-moved = The idea moved on.
flash-idea-saved = The idea was saved.
flash-idea-assigned = The assignee was changed.
flash-comment-added = Your comment was added.
flash-bulk-none = Select at least one idea first.
flash-bulk-comment-required = Please say why the ideas are rejected.
flash-bulk-done = Done for all selected ideas.
flash-bulk-partly = Done, but some ideas were skipped: they were not in a state that allows it.
flash-mail-retry = All waiting mail will be tried again now.

error-title-too-long = The title can have at most 200 characters.
error-tag-invalid = Tags cannot contain commas and have at most 40 characters.
error-metric-name = Metric names are lowercase letters, digits and underscores, at most 40.
error-metric-value = Counts are whole numbers of 0 or more.
error-too-many-items = There are too many entries.
error-channel-unknown = Pick channels from the list.
error-language-unknown = Pick languages among German, French, Italian and English.
error-date-past = The date is in the past.
error-date-invalid = Enter a date like 2026-12-01.
error-link-invalid = Each link must be a web address starting with https:// or http://.
error-assignee = Only an active editor or admin can be assigned.
error-state-new = A new idea is either "draft" or "submitted".
error-state-unknown = Unknown state.
error-limit = The limit must be between 1 and 200.
error-cursor = The cursor is not one this list gave out.
error-version-required = Send the version you edited, so changes made meanwhile are not overwritten.

nav-channels = Channels
remove = Remove
channels-title = Channels
channels-lead = Where content is published, and when: each channel has posting slots from its schedules.
channels-none = No channels yet. Add one of the kinds above.
channel-new-title = New channel
channel-edit-title = Channel
channel-kind = Kind
channel-kind-webhook = Webhook
channel-kind-mastodon = Mastodon
channel-kind-newsletter = Newsletter
channel-kind-feed = RSS/Atom feed
channel-field-url = Webhook address (https)
channel-field-signing-secret = Signing secret
channel-field-instance-url = Mastodon server (https)
channel-field-max-characters = Character limit (default 500)
channel-field-access-token = Access token
channel-field-from-address = Sender address
channel-field-reply-to = Reply-to address
channel-field-max-per-minute = Mails per minute at most (default 600)
channel-field-track-opens = Count opens (adds an invisible image to each mail; off unless you turn it on)
channel-field-smtp-url = SMTP server URL with credentials
channel-field-title = Feed title
channel-field-description = Feed description
channel-secret = secret
channel-secret-set = set — type to replace
channel-secret-set-hint = Stored encrypted; it is never shown again. Leave empty to keep it.
channel-several-per-slot = Several pieces may share one slot
channel-create = Create channel
channel-settings = Settings
channel-schedules = Posting schedules
channel-next-slot = Next slot
channel-next-slots = The next ten slots (your time zone)
channel-no-schedules = No schedule yet: variants can only get an explicit time.
channel-cron = Cron expression
hint-cron = Seconds, minutes, hours, day of month, month, day of week, year — e.g. "0 0 9 * * Mon-Fri *" for 09:00 on weekdays.
channel-preview = Preview
channel-preview-title = This schedule's next ten slots
channel-add-schedule = Add schedule
channel-pause = Pause channel
channel-resume = Resume channel
channel-paused = Paused
flash-channel-saved = The channel was saved.
flash-channel-paused = The channel is paused: nothing is published to it until it is resumed.
flash-channel-resumed = The channel is active again.
flash-schedule-added = The schedule was added.
flash-schedule-removed = The schedule was removed.
error-channel-field-unknown = These settings belong to another kind of channel.
error-channel-name-taken = A channel with this name exists already.
error-https-url = Enter an address starting with https://.
error-number = Enter a whole number between 1 and 100000.
error-cron = This is not a valid cron expression: { $why }
error-cron-never = This expression names no future time.
error-channel-kind = The kind must be webhook, mastodon, newsletter or feed.
error-cron-short = A schedule's cron expression is not valid.

nav-calendar = Calendar
field-channel = Channel
idea-start-production = Start production
idea-open-content = Open the content piece
content-title = Content piece
content-piece = The piece
content-body = Body
content-add-variant = Add variant
content-no-variants = No variants yet: add one per channel and language on the right.
variant-text = Text
variant-link = Link
variant-subject = Subject
variant-title = Title
variant-preheader = Preheader
variant-images = Images
hint-images = One per line: address | alt text
variant-characters = characters
variant-preview = Preview
variant-when = When
variant-next-slot = Next free slot
variant-pick-slot = Choose a slot
variant-take-slot = Take slot
variant-at = At this time
variant-unschedule = Take off the calendar
variant-scheduled-at = Scheduled: { $when }
variant-unscheduled = Not scheduled
variant-too-long = { $count } characters: the channel takes { $limit }.
variant-too-many-images = { $count } images: the channel takes { $limit }.
variant-image-alt = Every image needs an alt text.
variant-subject-required = A newsletter needs a subject.
variant-title-required = A feed entry needs a title.
variant-empty = The variant is empty.
flash-content-created = Production started: add a variant per channel and language.
flash-content-saved = The piece was saved.
flash-variant-added = The variant was added.
flash-variant-exists = This piece has a variant for that channel and language already.
flash-variant-saved = The variant was saved.
flash-variant-scheduled = The variant is on the calendar.
flash-variant-unscheduled = The variant is off the calendar.
flash-calendar-revoked = The calendar address no longer works.
error-content-needs-approval = Only an approved idea can go into production.
error-schedule-past = That time is in the past.
error-slot-taken = Another piece has this slot on this channel.
error-no-free-slot = The channel has no free slot: add a posting schedule or pick a time.
error-time-invalid = Enter a date and time, e.g. 2026-12-01 09:00.
calendar-title = Calendar
calendar-lead = Times in { $tz }.
calendar-prev = Earlier
calendar-next = Later
calendar-today = Today
calendar-month = Month
calendar-week = Week
calendar-agenda = Agenda
calendar-move = Move
calendar-wished = wished date
calendar-state-scheduled = scheduled
calendar-state-published = published
calendar-state-failed = failed
calendar-feeds = Calendar subscriptions
calendar-feeds-lead = A secret address your calendar app can subscribe to. Anyone with it can read the plan: revoke it if it leaks.
calendar-feed-create = Create calendar address
calendar-feed-revoke = Revoke
calendar-all-channels = All channels
calendar-feed-title = Your calendar address
calendar-feed-once = Copy it now: it is shown only once.
weekday-0 = Mon
weekday-1 = Tue
weekday-2 = Wed
weekday-3 = Thu
weekday-4 = Fri
weekday-5 = Sat
weekday-6 = Sun
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
error-schedule-state = Only pieces in production can be scheduled: the idea is not (any more).
home-waiting = Waiting for review

## Publishing
pub-state-pending = Waiting
pub-state-publishing = Publishing
pub-state-published = Published
pub-state-failed = Failed
pub-state-unconfirmed = Unconfirmed
pub-live-link = View the live post
pub-last-error = Last error
pub-attempts = Attempts
pub-next-retry = Next attempt
pub-retry = Publish again
pub-confirm = It is live
pub-confirm-url = Address of the live post (optional)
pub-unconfirmed-help = The channel did not answer in time, so the post may be live. Check the channel, then mark it as live or publish it again.
flash-publication-retried = The post will be sent again now.
flash-publication-confirmed = Marked as published.
banner-publications = { $count ->
    [one] One post needs a look: it failed, or its channel did not confirm it.
   *[other] { $count } posts need a look: they failed, or their channel did not confirm them.
}
banner-publications-link = Show them
publications-title = Publications
publications-none = Nothing here.
publications-channel = Channel
publications-variant = Variant
publications-scheduled = Planned for
publications-state = State
error-publication-locked = This variant has gone out (or may have), so it cannot be moved or taken off the plan.
error-publication-not-retryable = Only failed or unconfirmed posts can be sent again.
error-publication-not-confirmable = Only unconfirmed or failed posts can be marked as published.
error-publication-changed = Someone else acted on this post meanwhile. Reload the page.
error-url-invalid = Enter an address that starts with https:// or http://.
mail-kind-publishing = When a post cannot be published
mail-publication-failed-subject = Not published: "{ $title }" on { $channel }
mail-publication-failed-body = Hello { $name },
    
    "{ $title }" could not be published on { $channel }.
    
    { $error }
    
    Open the piece to fix it and publish it again.
mail-publication-unconfirmed-subject = Please check: did "{ $title }" go out on { $channel }?
mail-publication-unconfirmed-body = Hello { $name },
    
    "{ $title }" was sent to { $channel }, but no answer came, so it may or may not be live.
    
    { $error }
    
    Check the channel, then mark it as live or publish it again.
nav-jobs = Jobs
jobs-title = Background jobs
jobs-due = Due and waiting
jobs-running = Running
jobs-retrying = Retrying
jobs-dead = Failed for good
jobs-kind = Kind
jobs-run-at = Runs at
jobs-attempts = Attempts
jobs-error = Last error
jobs-retry = Run now
jobs-cancel = Cancel
jobs-none = Nothing here.
flash-job-retried = The job will run now.
flash-job-cancelled = The job was cancelled.

## Newsletters
newsletter-subscribe-title = Subscribe
newsletter-subscribe-lead = Get this newsletter by mail. We send you a link to confirm first.
newsletter-subscribe-button = Subscribe
newsletter-subscribe-hint = Every newsletter has a link to unsubscribe.
newsletter-check-mail-title = Check your mail
newsletter-check-mail-text = If the address can receive this newsletter, a mail with a confirmation link is on its way. The subscription starts when you click it.
newsletter-confirm-title = Confirm your subscription
newsletter-confirm-text = One click, and you get this newsletter.
newsletter-confirm-button = Confirm
newsletter-confirmed-title = Subscribed
newsletter-confirmed-text = Thank you: you will get the next newsletter.
newsletter-unsubscribe-title = Unsubscribe
newsletter-unsubscribe-text = You will get no more of this newsletter.
newsletter-unsubscribe-button = Unsubscribe
newsletter-unsubscribed-title = Unsubscribed
newsletter-unsubscribed-text = You are off the list. You can subscribe again at any time.
newsletter-confirm-subject = Please confirm: { $newsletter }
newsletter-confirm-body = Hello,
    
    someone (we hope you) asked to get the newsletter "{ $newsletter }" at this address. To confirm, open this link and click "Confirm":
    
    { $link }
    
    If it was not you, ignore this mail: nothing will be sent.
newsletter-mail-footer = You get this newsletter because you subscribed. Unsubscribe:
channel-secret-title = The webhook's signing secret
channel-secret-text = Pressroom made this secret for the webhook. Give it to the receiver, which verifies each delivery with it. It is shown only now.
channel-secret-hint = Lost it? Paste a new secret (whsec_ and base64) into the channel's settings and give it to the receiver.
channel-secret-done = I have saved it
error-webhook-secret = Use a secret in the Standard Webhooks form: whsec_ followed by 24 to 64 bytes in base64, or leave it blank to get one.

# API tokens on the account page
tokens-title = API tokens
tokens-lead = Scripts sign in with these. Changing your password revokes them all. Create one with pressroom token create (on the server).
token-created = created
token-last-used = last used
token-never-used = never used
token-revoke = Revoke
tokens-none = You have no API tokens.
flash-token-revoked = The token is revoked; scripts using it are refused from now on.
tokens-none-user = This person has no API tokens.

# A person's data
user-data = Personal data
user-export = Download everything stored about this person (JSON)
user-erase = Erase this person
user-erase-text = Erasing signs them out for good and removes their name, address, tokens, calendar feeds and mail. Their ideas and comments stay, credited to a former member. This cannot be undone.
flash-user-erased = The person is erased; their ideas stay, credited to a former member.
error-erase-self = You cannot erase your own account.
token-expires = expires

# A newsletter reader's data
subscriber-data = A newsletter reader's data
subscriber-data-lead = Download everything stored about one address, or erase it from every newsletter (its subscriptions end and forget it).
subscriber-export = Download (JSON)
subscriber-erase = Erase
flash-subscriber-erased = The address is erased from every newsletter.

# Insights
nav-insights = Insights
insights-title = Insights
insights-lead = What went out and what it earned.
insights-period = Period
insights-days = Last { $n } days
insights-by = Per
insights-by-channel = Channel
insights-by-department = Department
insights-by-pillar = Pillar or campaign
insights-by-language = Language
insights-publications = Publications
insights-clicks = Clicks
insights-engagement = Engagement
insights-total = Total
insights-none = Nothing was published in this period.
insights-csv = Download CSV
insights-explain = Clicks are people's clicks on tracked links (bots not counted); engagement adds up the channels' own counts (favourites, boosts, replies, or what a receiver reports) as last read.
idea-results = Results

nav-inbox = Inbox
inbox-title = Inbox
inbox-lead = { $open } waiting for an answer, { $overdue } of them overdue. The oldest first.
inbox-state = State
inbox-channel = Channel
inbox-tone = Tone
inbox-mine = Mine
inbox-none = Nothing here: no conversation matches.
inbox-conversation = Conversation
inbox-received = waiting since { $at }
inbox-answered-at = answered { $at }
inbox-answers-publication = In reply to our post:
inbox-our-reply = Our reply
inbox-internal-note = Internal note
inbox-open-original = Open original
inbox-boosted = Boosted on the channel.
inbox-boost = Boost this on our channel
inbox-reply = Reply
inbox-reply-hint = Goes out as a reply on the channel, starting with the person's handle; at most { $limit } characters.
inbox-send-reply = Send reply
inbox-note-label = Only the team sees this
inbox-add-note = Add note
inbox-correct-tone = Correct
inbox-tone-by-person = Set by a person.
inbox-tone-by-scorer = Guessed from the words; correct it if it is wrong.
inbox-to-idea = Make it an idea
inbox-open-idea = Open the idea made from it
inbox-make-idea = Hand in as idea
inbox-due-in = answer due in { $time }
inbox-overdue = overdue by { $time }
inbox-state-open = Open
inbox-state-answered = Answered
inbox-state-no_reply = No reply needed
inbox-state-closed = Closed
inbox-move-open = Open again
inbox-move-answered = Answered elsewhere
inbox-move-no_reply = No reply needed
inbox-move-closed = Close
inbox-tone-positive = Positive
inbox-tone-neutral = Neutral
inbox-tone-negative = Negative
inbox-send-pending = sending…
inbox-send-sent = sent
inbox-send-unconfirmed = sent, but not confirmed: check the channel
inbox-send-failed = not sent
flash-reply-queued = Your reply is on its way.
flash-note-added = Note added.
flash-conversation-moved = Conversation updated.
flash-conversation-assigned = Assignee saved.
flash-tone-corrected = Tone corrected.
flash-idea-from-conversation = The conversation is now an idea.
flash-boost-queued = The boost is on its way.
error-inbox-cannot-reply = This conversation cannot be answered from Pressroom.
error-inbox-not-from-here = The conversation cannot go there from its current state.
error-inbox-cannot-boost = Only a Mastodon message can be boosted.
error-sentiment-unknown = The tone is positive, neutral or negative.
error-hours = Working hours look like 08:00-18:00.
error-switch = Choose on or off.
channel-field-answer-minutes = Answer within (minutes, default 60)
channel-field-answer-hours = Count the answer clock only in working hours, Mon–Fri (e.g. 08:00-18:00; empty: round the clock)
channel-field-inbox-minutes = Look for new mentions every … minutes (default 1)
mail-kind-inbox = When a conversation in the inbox is close to its answer target
mail-inbox-due-subject = An answer is due on { $channel } in { $minutes } minutes
mail-inbox-due-body = Hello { $name },
    
    a conversation on { $channel } has been waiting for an answer; it is due in { $minutes } minutes.
insights-answer-times = Answer times in the inbox
insights-answers = Answers
insights-within-target = Within target
insights-by-person = Person
insights-answer-explain = From the first message not yet answered to our reply going out; p50 and p90: half and nine in ten of the answers took at most this long.
insights-no-answers = No answers from the inbox in this period.
banner-inbox = { $open ->
    [one] One conversation waits for an answer
   *[other] { $open } conversations wait for an answer
  }{ $overdue ->
    [0] .
   *[other] , { $overdue } overdue.
  }
banner-inbox-link = Open the inbox
insights-from = From
insights-to = To
insights-range-hint = Pick a period, or a range of days (from and to, in your time zone), which then counts instead.
insights-bad-range = That range cannot be shown: give both days, the first no later than the last, at most three years apart. Showing the period instead.
insights-top = Pieces that earned most
insights-bottom = Pieces that earned least
insights-bottom-none = Fewer than six pieces went out: they are all above.
insights-piece = Piece
insights-funnel = From idea to attention, per department
insights-handed-in = Handed in
insights-approved = Approved
insights-published-ideas = Ideas published
insights-per-publication = Clicks and engagement per post
insights-lead-time = Hand-in to first post (median)
insights-funnel-explain = Ideas handed in and approved in the period, ideas with a post in it, and the days from an idea's first hand-in to its first post.
targets-title = Targets this month
targets-what = Channel or department
targets-metric = Count
targets-actual = So far
targets-amount = Target
targets-progress = Progress
targets-month = Month
targets-set = Set target
targets-remove = Remove
targets-none = No targets for this month yet: set one below.
targets-expected = { $n } expected by now
target-reached = Reached
target-on_track = On track
target-behind = Behind
target-missed = Missed
target-upcoming = Not started
flash-target-set = Target saved.
flash-target-removed = Target removed.
error-target-scope = Pick a channel or a department.
error-target-metric = Pick publications, clicks or engagement.
error-target-month = A month like 2026-11.
error-target-amount = A whole number from 1 up.
home-results = What your ideas earned
home-results-idea = Idea (last post)
inbox-more = The { $shown } most urgent of { $open } are shown; filter by channel, assignee or tone for the others.
