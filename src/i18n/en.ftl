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

error-transition-not-from-here = This step is not possible from the idea's current state.
error-transition-role = Your role cannot take this step.
error-transition-not-yours = Only the person who handed in the idea can take this step.
error-comment-required = Please say why in a comment.
error-changed-by = { $name } changed this meanwhile. Your text is kept below: check their change and send again.
