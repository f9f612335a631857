# Pressroom — Deutsch

nav-skip = Zum Inhalt springen
nav-label = Hauptnavigation
nav-home = Start
nav-users = Benutzer
nav-departments = Abteilungen
nav-audit = Protokoll
nav-account = Ihr Konto
nav-logout = Abmelden

save = Speichern
none = Keine
form-has-errors = Bitte korrigieren Sie die markierten Felder.

role-admin = Admin
role-editor = Redaktion
role-contributor = Beitragende

field-name = Name
field-display-name = Anzeigename
field-email = E-Mail
field-password = Passwort
field-password-repeat = Passwort wiederholen
field-password-current = Aktuelles Passwort
field-password-new = Neues Passwort
field-password-initial = Erstes Passwort
field-team-timezone = Zeitzone des Teams
field-timezone = Zeitzone
field-language = Sprache
field-role = Rolle
field-department = Abteilung
hint-password = Mindestens 10 Zeichen. Ein Satz, den Sie sich merken, ist ein gutes Passwort.
hint-team-timezone = Veröffentlichungszeiten und Kalender verwenden diese Zone, sofern jemand keine andere wählt.
hint-department = Beitragende reichen Ideen für ihre Abteilung ein und brauchen deshalb eine.

setup-title = Pressroom einrichten
setup-lead = Legen Sie das erste Admin-Konto an. Danach können Sie Ihr Team hinzufügen.
setup-submit = Admin anlegen und starten

login-title = Anmelden
login-lead = Willkommen zurück an Ihrem Redaktionstisch.
login-submit = Anmelden

home-title = Start
home-greeting = Hallo, { $name }
home-role = Sie sind angemeldet als { $role }.
home-next-departments = Als Nächstes: Abteilungen anlegen
home-next-departments-text = Ideen kommen aus den Abteilungen. Legen Sie diese an und laden Sie dann Beitragende und Redaktion ein.

account-title = Ihr Konto
account-profile = Profil
account-password = Passwort ändern
account-password-submit = Passwort ändern

users-title = Benutzer
users-status = Status
users-active = Aktiv
users-disabled = Gesperrt
users-add = Benutzer hinzufügen
users-add-submit = Benutzer hinzufügen
users-no-departments = Beitragende brauchen eine Abteilung; es gibt noch keine.

user-edit-title = Rolle und Abteilung
user-access = Zugang
user-disable = Benutzer sperren
user-disable-text = Gesperrte Benutzer werden sofort abgemeldet und können sich erst nach dem Entsperren wieder anmelden.
user-enable = Benutzer entsperren
user-disabled-text = Dieser Benutzer kann sich nicht anmelden.
user-cannot-disable-self = Sie können Ihr eigenes Konto nicht sperren.

departments-title = Abteilungen
departments-lead = Woher die Ideen kommen.
departments-none = Noch keine Abteilungen.
departments-starter-text = Die meisten Teams beginnen mit diesen:
departments-starter-submit = Alle hinzufügen
departments-add = Abteilung hinzufügen
departments-add-submit = Abteilung hinzufügen

audit-title = Protokoll
audit-lead = Wer hat wann was getan. Die letzten 200 Einträge.
audit-when = Wann
audit-who = Wer
audit-action = Aktion
audit-target = Ziel
audit-from = Von

flash-setup-done = Willkommen! Der Redaktionstisch Ihres Teams ist bereit.
flash-logged-out = Sie sind abgemeldet.
flash-account-saved = Ihre Einstellungen sind gespeichert.
flash-password-changed = Ihr Passwort ist geändert. Ihre anderen Sitzungen wurden beendet.
flash-user-created = Der Benutzer wurde hinzugefügt.
flash-user-saved = Der Benutzer wurde gespeichert.
flash-user-disabled = Der Benutzer ist gesperrt und wurde abgemeldet.
flash-user-enabled = Der Benutzer ist wieder entsperrt.
flash-cannot-disable-self = Sie können Ihr eigenes Konto nicht sperren.
flash-department-created = Die Abteilung wurde hinzugefügt.
flash-departments-created = Die Abteilungen wurden hinzugefügt.

error-back-home = Zurück zur Startseite
error-not-found = Nicht gefunden
error-not-found-text = Unter dieser Adresse gibt es nichts, oder Sie dürfen es nicht sehen.
error-forbidden = Nicht erlaubt
error-forbidden-text = Ihre Rolle erlaubt das nicht.
error-unauthorized = Anmeldung nötig
error-unauthorized-text = Bitte melden Sie sich an oder senden Sie ein gültiges API-Token.
error-csrf = Formular abgelaufen
error-csrf-text = Das Formular war zu alt oder stammt nicht von dieser Seite. Gehen Sie zurück, laden Sie die Seite neu und versuchen Sie es noch einmal.
error-invalid = Bitte prüfen Sie Ihre Eingaben
error-invalid-text = Einige Felder sind ungültig.
error-bad-request = Ungültige Anfrage
error-bad-request-text = Die Anfrage konnte nicht gelesen werden.
error-conflict = Inzwischen geändert
error-conflict-text = Jemand hat dies inzwischen geändert.
error-too-many = Zu viele Versuche
error-too-many-text = Bitte warten Sie eine Weile und versuchen Sie es dann erneut.
error-unavailable = Vorübergehend nicht verfügbar
error-unavailable-text = Die Datenbank antwortet nicht. Bitte versuchen Sie es gleich noch einmal.
error-internal = Etwas ist schiefgegangen
error-internal-text = Das war unser Fehler; er wurde protokolliert.
error-method = Methode nicht erlaubt
error-method-text = Diese Adresse nimmt diese Art von Anfrage nicht an.
error-too-large = Zu gross
error-too-large-text = Was Sie gesendet haben, ist zu gross.
error-media-type = Format nicht unterstützt
error-media-type-text = Diese Adresse nimmt diesen Inhaltstyp nicht an.

error-email-invalid = Geben Sie eine E-Mail-Adresse wie name@example.com ein.
error-email-taken = Es gibt bereits einen Benutzer mit dieser E-Mail-Adresse.
error-required = Dieses Feld ist erforderlich.
error-too-long = Das ist zu lang.
error-control-chars = Dies enthält Zeichen, die nicht angezeigt werden können.
error-password-short = Das Passwort braucht mindestens 10 Zeichen.
error-password-mismatch = Die beiden Passwörter unterscheiden sich.
error-password-current = Das aktuelle Passwort ist falsch.
error-timezone = Wählen Sie eine Zeitzone aus der Liste.
error-language = Wählen Sie eine Sprache aus der Liste.
error-role = Wählen Sie eine Rolle aus der Liste.
error-department-unknown = Wählen Sie eine Abteilung aus der Liste.
error-department-required = Beitragende brauchen eine Abteilung.
error-department-exists = Diese Abteilung gibt es bereits.
error-last-admin = Das Team braucht mindestens einen aktiven Admin.
error-login-wrong = E-Mail oder Passwort ist falsch.
error-login-disabled = Dieses Konto ist gesperrt. Bitten Sie einen Admin, es zu entsperren.
error-login-throttled = Zu viele fehlgeschlagene Versuche. Bitte warten Sie einige Minuten und versuchen Sie es erneut.

state-draft = Entwurf
state-submitted = Eingereicht
state-in_review = In Prüfung
state-changes_requested = Änderungen erbeten
state-approved = Angenommen
state-rejected = Abgelehnt
state-in_production = In Produktion
state-scheduled = Eingeplant
state-published = Veröffentlicht
state-archived = Archiviert

action-submit = Einreichen
action-withdraw = Zurückziehen
action-start-review = Prüfung beginnen
action-request-changes = Änderungen erbitten
action-approve = Annehmen
action-reject = Ablehnen
action-resubmit = Erneut einreichen
action-start-production = Produktion beginnen
action-back-to-approved = Zurück zu angenommen
action-schedule = Als eingeplant markieren
action-unschedule = Einplanung aufheben
action-mark-published = Als veröffentlicht markieren
action-archive = Archivieren
action-reopen = Wieder öffnen

error-transition-not-from-here = Dieser Schritt ist im aktuellen Zustand der Idee nicht möglich.
error-transition-role = Ihre Rolle erlaubt diesen Schritt nicht.
error-transition-not-yours = Nur wer die Idee eingereicht hat, kann diesen Schritt tun.
error-comment-required = Bitte begründen Sie dies in einem Kommentar.
error-changed-by = { $name } hat dies inzwischen geändert. Ihr Text ist unten erhalten: Prüfen Sie die Änderung und senden Sie erneut.
