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
error-bidi-chars = Dies enthält Zeichen, die die Schreibrichtung umkehren.
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

error-refused = Nicht möglich
error-refused-text = Das ist hier nicht möglich.
error-transition-not-from-here = Dieser Schritt ist im aktuellen Zustand der Idee nicht möglich.
error-transition-role = Ihre Rolle erlaubt diesen Schritt nicht.
error-transition-not-yours = Nur wer die Idee eingereicht hat, kann diesen Schritt tun.
error-comment-required = Bitte begründen Sie dies in einem Kommentar.
error-changed-by = { $name } hat dies inzwischen geändert. Ihr Text ist unten erhalten: Prüfen Sie die Änderung und senden Sie erneut.

nav-ideas = Ideen
nav-board = Board
nav-mail = E-Mail
idea-new-short = + Idee
cancel = Abbrechen
next-page = Nächste Seite

idea-new-title = Idee einreichen
idea-new-lead = Ein Titel genügt für den Anfang; je mehr Sie erzählen, desto schneller kann das Team entscheiden.
idea-edit-title = Idee bearbeiten
idea-title = Idee
idea-by = von { $name }
idea-for-department = Für die Abteilung
idea-submit = Idee einreichen
idea-save-draft = Als Entwurf speichern
idea-no-channels = Noch keine Kanäle: Die Redaktion legt sie an.
idea-history = Verlauf
idea-comment = Kommentar
idea-comment-submit = Kommentar hinzufügen
idea-next-step = Nächster Schritt
idea-assign = Zuweisen
idea-assign-me = Selbst übernehmen
idea-similar = Ähnliche frühere Ideen

field-title = Titel
field-pitch = Pitch
field-audience = Zielgruppe
field-pillar = Themensäule oder Kampagne
field-tags = Schlagwörter
field-tag = Schlagwort
field-wished-date = Gewünschtes Veröffentlichungsdatum
field-channels = Vorgeschlagene Kanäle
field-languages = Sprachen
field-links = Referenzlinks
field-assignee = Zuständig
field-comment = Kommentar
hint-pitch = Worum geht es, und warum interessiert es unser Publikum? Markdown funktioniert: **fett**, Listen, Links.
hint-audience = Für wen ist es, z. B. «KMU-Kunden in der Romandie».
hint-pillar = Die Themensäule oder Kampagne, zu der es gehört.
hint-tags = Mit Kommas trennen.
hint-links = Eine Webadresse pro Zeile.
hint-mention = Erwähnen Sie jemanden mit @ und dem ersten Teil der E-Mail-Adresse, z. B. @anna.
hint-step-comment = Nötig, wenn Sie Änderungen erbitten oder ablehnen.

language-de = Deutsch
language-fr = Französisch
language-it = Italienisch
language-en = Englisch

ideas-title = Ideen
ideas-lead = Alles Eingereichte, das Sie sehen dürfen.
ideas-mine = Meine Ideen
ideas-none = Noch keine Ideen. Reichen Sie die erste ein!
ideas-none-filtered = Keine Idee passt zu diesen Filtern.

filter-search = Titel und Pitch durchsuchen
filter-state = Status
filter-any = Alle
filter-me = Ich
filter-from = Eingereicht ab
filter-to = Eingereicht bis
filter-sort = Reihenfolge
filter-apply = Filtern
filter-reset = Zurücksetzen
sort-newest = Neueste zuerst
sort-oldest = Älteste zuerst

bulk-select = Auswählen
bulk-title = Mit den ausgewählten Ideen:
bulk-assign = Zuweisen
bulk-reject = Ablehnen
bulk-reject-hint = Warum sie abgelehnt werden (erforderlich)

board-title = Board
board-lead = Alle Ideen in Prüfung und Produktion, eine Spalte pro Status.
board-move = Verschieben
board-more = Alle in der Liste zeigen

event-created = hat die Idee eingereicht
event-edited = hat die Idee bearbeitet
event-transition = hat die Idee verschoben
event-comment = hat kommentiert
event-assigned = hat die Zuständigkeit geändert

account-mail = E-Mail-Benachrichtigungen
mail-kind-state = Wenn sich der Status meiner Idee ändert
mail-kind-comment = Wenn jemand meine Idee kommentiert
mail-kind-assigned = Wenn mir eine Idee zugewiesen wird
mail-kind-mention = Wenn mich jemand erwähnt

mail-title = E-Mail
mail-lead = Benachrichtigungen, die noch nicht gesendet werden konnten. Sie werden mit wachsenden Pausen erneut versucht und nie verworfen.
mail-retry = Jetzt alle erneut versuchen
mail-to = An
mail-subject = Betreff
mail-attempts = Versuche
mail-error = Letzter Fehler
mail-next = Nächster Versuch
mail-none-failing = Alle E-Mails wurden gesendet.
mail-footer = Sie erhalten diese E-Mail von Pressroom. Unter «Ihr Konto» wählen Sie, welche E-Mails Sie möchten.

mail-state-subject = Ihre Idee «{ $title }» ist jetzt: { $state }
mail-state-body = Hallo { $name }
    
    { $actor } hat Ihre Idee «{ $title }» verschoben nach: { $state }.
    
    { $comment }
mail-comment-subject = Neuer Kommentar zu «{ $title }»
mail-comment-body = Hallo { $name }
    
    { $actor } hat Ihre Idee «{ $title }» kommentiert:
    
    { $comment }
mail-mention-subject = { $actor } hat Sie bei «{ $title }» erwähnt
mail-mention-body = Hallo { $name }
    
    { $actor } hat Sie in einem Kommentar zu «{ $title }» erwähnt:
    
    { $comment }
mail-assigned-subject = «{ $title }» wurde Ihnen zugewiesen
mail-assigned-body = Hallo { $name }
    
    { $actor } hat Ihnen die Idee «{ $title }» zugewiesen.

flash-idea-submitted = Ihre Idee ist eingereicht. Sie erfahren per E-Mail, was daraus wird.
flash-idea-draft = Ihr Entwurf ist gespeichert. Nur Sie sehen ihn, bis Sie ihn einreichen.
flash-idea-moved = Die Idee ist einen Schritt weiter.
flash-idea-saved = Die Idee wurde gespeichert.
flash-idea-assigned = Die Zuständigkeit wurde geändert.
flash-comment-added = Ihr Kommentar wurde hinzugefügt.
flash-bulk-none = Wählen Sie zuerst mindestens eine Idee aus.
flash-bulk-comment-required = Bitte begründen Sie die Ablehnung.
flash-bulk-done = Für alle ausgewählten Ideen erledigt.
flash-bulk-partly = Erledigt, aber einige Ideen wurden übersprungen: Ihr Status erlaubt das nicht.
flash-mail-retry = Alle wartenden E-Mails werden jetzt erneut versucht.

error-title-too-long = Der Titel darf höchstens 200 Zeichen haben.
error-tag-invalid = Schlagwörter dürfen keine Kommas enthalten und höchstens 40 Zeichen haben.
error-metric-name = Namen von Kennzahlen bestehen aus Kleinbuchstaben, Ziffern und Unterstrichen, höchstens 40.
error-metric-value = Zahlen sind ganze Zahlen ab 0.
error-too-many-items = Das sind zu viele Einträge.
error-channel-unknown = Wählen Sie Kanäle aus der Liste.
error-language-unknown = Wählen Sie Sprachen aus Deutsch, Französisch, Italienisch und Englisch.
error-date-past = Das Datum liegt in der Vergangenheit.
error-date-invalid = Geben Sie ein Datum wie 2026-12-01 ein.
error-link-invalid = Jeder Link muss eine Webadresse sein, die mit https:// oder http:// beginnt.
error-assignee = Nur aktive Redaktion oder Admins können zuständig sein.
error-state-new = Eine neue Idee ist entweder «draft» oder «submitted».
error-state-unknown = Unbekannter Status.
error-limit = Das Limit muss zwischen 1 und 200 liegen.
error-cursor = Dieser Cursor stammt nicht aus dieser Liste.
error-version-required = Senden Sie die bearbeitete Version mit, damit inzwischen gemachte Änderungen nicht überschrieben werden.

nav-channels = Kanäle
remove = Entfernen
channels-title = Kanäle
channels-lead = Wo Inhalte erscheinen, und wann: Jeder Kanal hat Veröffentlichungszeiten aus seinen Zeitplänen.
channels-none = Noch keine Kanäle. Fügen Sie einen der oben genannten Arten hinzu.
channel-new-title = Neuer Kanal
channel-edit-title = Kanal
channel-kind = Art
channel-kind-webhook = Webhook
channel-kind-mastodon = Mastodon
channel-kind-newsletter = Newsletter
channel-kind-feed = RSS/Atom-Feed
channel-field-url = Webhook-Adresse (https)
channel-field-signing-secret = Signaturschlüssel
channel-field-instance-url = Mastodon-Server (https)
channel-field-max-characters = Zeichenlimit (Standard 500)
channel-field-access-token = Zugriffstoken
channel-field-from-address = Absenderadresse
channel-field-reply-to = Antwortadresse
channel-field-max-per-minute = Höchstens so viele Mails pro Minute (Standard 600)
channel-field-track-opens = Öffnungen zählen (fügt jeder Mail ein unsichtbares Bild hinzu; aus, bis Sie es einschalten)
channel-field-smtp-url = SMTP-Server-URL mit Zugangsdaten
channel-field-title = Feed-Titel
channel-field-description = Feed-Beschreibung
channel-secret = geheim
channel-secret-set = gesetzt — zum Ersetzen eingeben
channel-secret-set-hint = Verschlüsselt gespeichert und nie wieder angezeigt. Leer lassen, um ihn zu behalten.
channel-several-per-slot = Mehrere Beiträge dürfen sich eine Zeit teilen
channel-create = Kanal anlegen
channel-settings = Einstellungen
channel-schedules = Zeitpläne
channel-next-slot = Nächste Zeit
channel-next-slots = Die nächsten zehn Zeiten (Ihre Zeitzone)
channel-no-schedules = Noch kein Zeitplan: Varianten können nur eine feste Zeit erhalten.
channel-cron = Cron-Ausdruck
hint-cron = Sekunden, Minuten, Stunden, Tag, Monat, Wochentag, Jahr — z. B. «0 0 9 * * Mon-Fri *» für 09:00 an Werktagen.
channel-preview = Vorschau
channel-preview-title = Die nächsten zehn Zeiten dieses Zeitplans
channel-add-schedule = Zeitplan hinzufügen
channel-pause = Kanal pausieren
channel-resume = Kanal fortsetzen
channel-paused = Pausiert
flash-channel-saved = Der Kanal wurde gespeichert.
flash-channel-paused = Der Kanal ist pausiert: Bis zur Fortsetzung wird nichts veröffentlicht.
flash-channel-resumed = Der Kanal ist wieder aktiv.
flash-schedule-added = Der Zeitplan wurde hinzugefügt.
flash-schedule-removed = Der Zeitplan wurde entfernt.
error-channel-field-unknown = Diese Einstellungen gehören zu einer anderen Kanalart.
error-channel-name-taken = Es gibt bereits einen Kanal mit diesem Namen.
error-https-url = Geben Sie eine Adresse ein, die mit https:// beginnt.
error-number = Geben Sie eine ganze Zahl zwischen 1 und 100000 ein.
error-cron = Das ist kein gültiger Cron-Ausdruck: { $why }
error-cron-never = Dieser Ausdruck nennt keine künftige Zeit.
error-channel-kind = Die Art muss webhook, mastodon, newsletter oder feed sein.
error-cron-short = Der Cron-Ausdruck eines Zeitplans ist ungültig.

nav-calendar = Kalender
field-channel = Kanal
idea-start-production = Produktion beginnen
idea-open-content = Beitrag öffnen
content-title = Beitrag
content-piece = Der Beitrag
content-body = Text
content-add-variant = Variante hinzufügen
content-no-variants = Noch keine Varianten: Fügen Sie rechts eine pro Kanal und Sprache hinzu.
variant-text = Text
variant-link = Link
variant-subject = Betreff
variant-title = Titel
variant-preheader = Vorschauzeile
variant-images = Bilder
hint-images = Eines pro Zeile: Adresse | Alternativtext
variant-characters = Zeichen
variant-preview = Vorschau
variant-when = Wann
variant-next-slot = Nächste freie Zeit
variant-pick-slot = Zeit wählen
variant-take-slot = Zeit übernehmen
variant-at = Zu dieser Zeit
variant-unschedule = Aus dem Kalender nehmen
variant-scheduled-at = Eingeplant: { $when }
variant-unscheduled = Nicht eingeplant
variant-too-long = { $count } Zeichen: Der Kanal nimmt { $limit }.
variant-too-many-images = { $count } Bilder: Der Kanal nimmt { $limit }.
variant-image-alt = Jedes Bild braucht einen Alternativtext.
variant-subject-required = Ein Newsletter braucht einen Betreff.
variant-title-required = Ein Feed-Eintrag braucht einen Titel.
variant-empty = Die Variante ist leer.
flash-content-created = Produktion begonnen: Fügen Sie eine Variante pro Kanal und Sprache hinzu.
flash-content-saved = Der Beitrag wurde gespeichert.
flash-variant-added = Die Variante wurde hinzugefügt.
flash-variant-exists = Dieser Beitrag hat für diesen Kanal und diese Sprache schon eine Variante.
flash-variant-saved = Die Variante wurde gespeichert.
flash-variant-scheduled = Die Variante steht im Kalender.
flash-variant-unscheduled = Die Variante ist aus dem Kalender genommen.
flash-calendar-revoked = Die Kalenderadresse funktioniert nicht mehr.
error-content-needs-approval = Nur eine angenommene Idee kann in Produktion gehen.
error-schedule-past = Diese Zeit liegt in der Vergangenheit.
error-slot-taken = Ein anderer Beitrag hat diese Zeit auf diesem Kanal.
error-no-free-slot = Der Kanal hat keine freie Zeit: Fügen Sie einen Zeitplan hinzu oder wählen Sie eine Zeit.
error-time-invalid = Geben Sie Datum und Uhrzeit ein, z. B. 2026-12-01 09:00.
calendar-title = Kalender
calendar-lead = Zeiten in { $tz }.
calendar-prev = Früher
calendar-next = Später
calendar-today = Heute
calendar-month = Monat
calendar-week = Woche
calendar-agenda = Agenda
calendar-move = Verschieben
calendar-wished = Wunschdatum
calendar-state-scheduled = eingeplant
calendar-state-published = veröffentlicht
calendar-state-failed = fehlgeschlagen
calendar-feeds = Kalender-Abonnements
calendar-feeds-lead = Eine geheime Adresse, die Ihre Kalender-App abonnieren kann. Wer sie kennt, kann den Plan lesen: Widerrufen Sie sie, falls sie bekannt wird.
calendar-feed-create = Kalenderadresse erstellen
calendar-feed-revoke = Widerrufen
calendar-all-channels = Alle Kanäle
calendar-feed-title = Ihre Kalenderadresse
calendar-feed-once = Kopieren Sie sie jetzt: Sie wird nur einmal angezeigt.
weekday-0 = Mo
weekday-1 = Di
weekday-2 = Mi
weekday-3 = Do
weekday-4 = Fr
weekday-5 = Sa
weekday-6 = So
month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember
error-schedule-state = Nur Beiträge in Produktion können eingeplant werden: Die Idee ist es nicht (mehr).
home-waiting = Warten auf Prüfung

## Publishing
pub-state-pending = Wartet
pub-state-publishing = Wird veröffentlicht
pub-state-published = Veröffentlicht
pub-state-failed = Fehlgeschlagen
pub-state-unconfirmed = Unbestätigt
pub-live-link = Beitrag ansehen
pub-last-error = Letzter Fehler
pub-attempts = Versuche
pub-next-retry = Nächster Versuch
pub-retry = Erneut veröffentlichen
pub-confirm = Ist online
pub-confirm-url = Adresse des Beitrags (freiwillig)
pub-unconfirmed-help = Der Kanal hat nicht rechtzeitig geantwortet; der Beitrag ist vielleicht schon online. Prüfen Sie den Kanal und markieren Sie ihn dann als online oder veröffentlichen Sie ihn erneut.
flash-publication-retried = Der Beitrag wird jetzt erneut gesendet.
flash-publication-confirmed = Als veröffentlicht markiert.
banner-publications = { $count ->
    [one] Ein Beitrag braucht Ihre Aufmerksamkeit: Er ist fehlgeschlagen oder der Kanal hat ihn nicht bestätigt.
   *[other] { $count } Beiträge brauchen Ihre Aufmerksamkeit: Sie sind fehlgeschlagen oder der Kanal hat sie nicht bestätigt.
}
banner-publications-link = Anzeigen
publications-title = Veröffentlichungen
publications-none = Keine Einträge.
publications-channel = Kanal
publications-variant = Variante
publications-scheduled = Geplant für
publications-state = Status
error-publication-locked = Diese Variante ist (vielleicht) schon veröffentlicht und kann nicht mehr verschoben oder ausgeplant werden.
error-publication-not-retryable = Nur fehlgeschlagene oder unbestätigte Beiträge können erneut gesendet werden.
error-publication-not-confirmable = Nur unbestätigte oder fehlgeschlagene Beiträge können als veröffentlicht markiert werden.
error-publication-changed = Jemand anderes hat diesen Beitrag inzwischen bearbeitet. Laden Sie die Seite neu.
error-url-invalid = Geben Sie eine Adresse ein, die mit https:// oder http:// beginnt.
mail-kind-publishing = Wenn ein Beitrag nicht veröffentlicht werden kann
mail-publication-failed-subject = Nicht veröffentlicht: «{ $title }» auf { $channel }
mail-publication-failed-body = Hallo { $name }
    
    «{ $title }» konnte auf { $channel } nicht veröffentlicht werden.
    
    { $error }
    
    Öffnen Sie den Beitrag, um es zu beheben und ihn erneut zu veröffentlichen.
mail-publication-unconfirmed-subject = Bitte prüfen: Ist «{ $title }» auf { $channel } erschienen?
mail-publication-unconfirmed-body = Hallo { $name }
    
    «{ $title }» wurde an { $channel } gesendet, aber es kam keine Antwort; er ist vielleicht online, vielleicht nicht.
    
    { $error }
    
    Prüfen Sie den Kanal und markieren Sie den Beitrag dann als online oder veröffentlichen Sie ihn erneut.
nav-jobs = Aufträge
jobs-title = Hintergrundaufträge
jobs-due = Fällig und wartend
jobs-running = Laufend
jobs-retrying = Wird wiederholt
jobs-dead = Endgültig fehlgeschlagen
jobs-kind = Art
jobs-run-at = Läuft um
jobs-attempts = Versuche
jobs-error = Letzter Fehler
jobs-retry = Jetzt ausführen
jobs-cancel = Abbrechen
jobs-none = Keine Einträge.
flash-job-retried = Der Auftrag wird jetzt ausgeführt.
flash-job-cancelled = Der Auftrag wurde abgebrochen.

## Newsletters
newsletter-subscribe-title = Abonnieren
newsletter-subscribe-lead = Erhalten Sie diesen Newsletter per Mail. Zuerst senden wir Ihnen einen Bestätigungslink.
newsletter-subscribe-button = Abonnieren
newsletter-subscribe-hint = Jeder Newsletter enthält einen Link zum Abbestellen.
newsletter-check-mail-title = Prüfen Sie Ihre Mails
newsletter-check-mail-text = Falls die Adresse diesen Newsletter erhalten kann, ist eine Mail mit einem Bestätigungslink unterwegs. Das Abo beginnt, sobald Sie darauf klicken.
newsletter-confirm-title = Abo bestätigen
newsletter-confirm-text = Ein Klick, und Sie erhalten diesen Newsletter.
newsletter-confirm-button = Bestätigen
newsletter-confirmed-title = Abonniert
newsletter-confirmed-text = Danke: Sie erhalten den nächsten Newsletter.
newsletter-unsubscribe-title = Abbestellen
newsletter-unsubscribe-text = Sie erhalten diesen Newsletter nicht mehr.
newsletter-unsubscribe-button = Abbestellen
newsletter-unsubscribed-title = Abbestellt
newsletter-unsubscribed-text = Sie sind nicht mehr auf der Liste. Sie können jederzeit wieder abonnieren.
newsletter-confirm-subject = Bitte bestätigen: { $newsletter }
newsletter-confirm-body = Guten Tag
    
    Jemand (hoffentlich Sie) möchte den Newsletter «{ $newsletter }» an diese Adresse erhalten. Zum Bestätigen öffnen Sie diesen Link und klicken auf «Bestätigen»:
    
    { $link }
    
    Falls Sie es nicht waren, ignorieren Sie diese Mail: Es wird nichts gesendet.
newsletter-mail-footer = Sie erhalten diesen Newsletter, weil Sie ihn abonniert haben. Abbestellen:
channel-secret-title = Das Signaturgeheimnis des Webhooks
channel-secret-text = Pressroom hat dieses Geheimnis für den Webhook erstellt. Geben Sie es dem Empfänger, der damit jede Zustellung prüft. Es wird nur jetzt angezeigt.
channel-secret-hint = Verloren? Fügen Sie in den Kanaleinstellungen ein neues Geheimnis ein (whsec_ und Base64) und geben Sie es dem Empfänger.
channel-secret-done = Ich habe es gespeichert
error-webhook-secret = Verwenden Sie ein Geheimnis im Standard-Webhooks-Format: whsec_ gefolgt von 24 bis 64 Bytes in Base64, oder lassen Sie das Feld leer, um eines zu erhalten.

# API tokens on the account page
tokens-title = API-Tokens
tokens-lead = Damit melden sich Skripte an. Eine Passwortänderung widerruft alle. Neue erstellt pressroom token create (auf dem Server).
token-created = erstellt
token-last-used = zuletzt benutzt
token-never-used = nie benutzt
token-revoke = Widerrufen
tokens-none = Sie haben keine API-Tokens.
flash-token-revoked = Das Token ist widerrufen; Skripte damit werden ab jetzt abgewiesen.
tokens-none-user = Diese Person hat keine API-Tokens.

# A person's data
user-data = Personendaten
user-export = Alles herunterladen, was zu dieser Person gespeichert ist (JSON)
user-erase = Diese Person löschen
user-erase-text = Das Löschen meldet die Person endgültig ab und entfernt Name, Adresse, Tokens, Kalender-Feeds und Mails. Ihre Ideen und Kommentare bleiben, einem ehemaligen Mitglied zugeschrieben. Das lässt sich nicht rückgängig machen.
flash-user-erased = Die Person ist gelöscht; ihre Ideen bleiben, einem ehemaligen Mitglied zugeschrieben.
error-erase-self = Sie können Ihr eigenes Konto nicht löschen.
token-expires = läuft ab

# A newsletter reader's data
subscriber-data = Daten einer Newsletter-Leserin, eines Lesers
subscriber-data-lead = Alles herunterladen, was zu einer Adresse gespeichert ist, oder sie aus allen Newslettern löschen (ihre Abos enden und vergessen sie).
subscriber-export = Herunterladen (JSON)
subscriber-erase = Löschen
flash-subscriber-erased = Die Adresse ist aus allen Newslettern gelöscht.

# Insights
nav-insights = Auswertung
insights-title = Auswertung
insights-lead = Was veröffentlicht wurde und was es gebracht hat.
insights-period = Zeitraum
insights-days = Letzte { $n } Tage
insights-by = Nach
insights-by-channel = Kanal
insights-by-department = Abteilung
insights-by-pillar = Themensäule oder Kampagne
insights-by-language = Sprache
insights-publications = Veröffentlichungen
insights-clicks = Klicks
insights-engagement = Interaktionen
insights-total = Total
insights-none = In diesem Zeitraum wurde nichts veröffentlicht.
insights-csv = CSV herunterladen
insights-explain = Klicks sind Klicks von Menschen auf verfolgte Links (ohne Bots); Interaktionen zählen die eigenen Zahlen der Kanäle zusammen (Favoriten, Boosts, Antworten oder was ein Empfänger meldet), wie zuletzt gelesen.
idea-results = Ergebnisse

nav-inbox = Posteingang
inbox-title = Posteingang
inbox-lead = { $open } warten auf eine Antwort, { $overdue } davon überfällig. Die ältesten zuerst.
inbox-state = Status
inbox-channel = Kanal
inbox-tone = Tonfall
inbox-mine = Meine
inbox-none = Nichts da: keine Unterhaltung passt.
inbox-conversation = Unterhaltung
inbox-received = wartet seit { $at }
inbox-answered-at = beantwortet { $at }
inbox-answers-publication = Antwort auf unseren Beitrag:
inbox-our-reply = Unsere Antwort
inbox-internal-note = Interne Notiz
inbox-open-original = Original öffnen
inbox-boosted = Auf dem Kanal geteilt.
inbox-boost = Auf unserem Kanal teilen
inbox-reply = Antwort
inbox-reply-hint = Geht als Antwort auf dem Kanal hinaus, beginnend mit dem Namen der Person; höchstens { $limit } Zeichen.
inbox-send-reply = Antwort senden
inbox-note-label = Nur das Team sieht das
inbox-add-note = Notiz hinzufügen
inbox-correct-tone = Korrigieren
inbox-tone-by-person = Von einer Person gesetzt.
inbox-tone-by-scorer = Aus den Wörtern geschätzt; korrigieren Sie es, wenn es nicht stimmt.
inbox-to-idea = Eine Idee daraus machen
inbox-open-idea = Die daraus gemachte Idee öffnen
inbox-make-idea = Als Idee einreichen
inbox-due-in = Antwort fällig in { $time }
inbox-overdue = überfällig seit { $time }
inbox-state-open = Offen
inbox-state-answered = Beantwortet
inbox-state-no_reply = Keine Antwort nötig
inbox-state-closed = Geschlossen
inbox-move-open = Wieder öffnen
inbox-move-answered = Anderswo beantwortet
inbox-move-no_reply = Keine Antwort nötig
inbox-move-closed = Schliessen
inbox-tone-positive = Positiv
inbox-tone-neutral = Neutral
inbox-tone-negative = Negativ
inbox-send-pending = wird gesendet…
inbox-send-sent = gesendet
inbox-send-unconfirmed = gesendet, aber nicht bestätigt: bitte auf dem Kanal prüfen
inbox-send-failed = nicht gesendet
flash-reply-queued = Ihre Antwort ist unterwegs.
flash-note-added = Notiz hinzugefügt.
flash-conversation-moved = Unterhaltung aktualisiert.
flash-conversation-assigned = Zuständigkeit gespeichert.
flash-tone-corrected = Tonfall korrigiert.
flash-idea-from-conversation = Aus der Unterhaltung ist eine Idee geworden.
flash-boost-queued = Das Teilen ist unterwegs.
error-inbox-cannot-reply = Diese Unterhaltung kann nicht aus Pressroom beantwortet werden.
error-inbox-not-from-here = Die Unterhaltung kann von ihrem jetzigen Status nicht dorthin.
error-inbox-cannot-boost = Nur eine Mastodon-Nachricht kann geteilt werden.
error-sentiment-unknown = Der Tonfall ist positiv, neutral oder negativ.
error-hours = Arbeitszeiten sehen so aus: 08:00-18:00.
error-switch = Wählen Sie ein oder aus.
channel-field-answer-minutes = Antworten innert (Minuten, Standard 60)
channel-field-answer-hours = Antwortuhr nur in der Arbeitszeit zählen, Mo–Fr (z. B. 08:00-18:00; leer: rund um die Uhr)
channel-field-inbox-minutes = Alle … Minuten nach neuen Erwähnungen sehen (Standard 1)
mail-kind-inbox = Wenn eine Unterhaltung im Posteingang ihre Antwortfrist fast erreicht
mail-inbox-due-subject = Eine Antwort auf { $channel } ist in { $minutes } Minuten fällig
mail-inbox-due-body = Hallo { $name },
    
    eine Unterhaltung auf { $channel } wartet auf eine Antwort; sie ist in { $minutes } Minuten fällig.
insights-answer-times = Antwortzeiten im Posteingang
insights-answers = Antworten
insights-within-target = Innert Frist
insights-by-person = Person
insights-answer-explain = Von der ersten unbeantworteten Nachricht bis unsere Antwort hinausging; p50 und p90: die Hälfte und neun von zehn Antworten brauchten höchstens so lange.
insights-no-answers = Keine Antworten aus dem Posteingang in diesem Zeitraum.
banner-inbox = { $open ->
    [one] Eine Unterhaltung wartet auf eine Antwort
   *[other] { $open } Unterhaltungen warten auf eine Antwort
  }{ $overdue ->
    [0] .
   *[other] , { $overdue } überfällig.
  }
banner-inbox-link = Posteingang öffnen
insights-from = Von
insights-to = Bis
insights-range-hint = Wählen Sie einen Zeitraum oder einen Bereich von Tagen (von und bis, in Ihrer Zeitzone), der dann stattdessen gilt.
insights-bad-range = Dieser Bereich geht nicht: beide Tage angeben, der erste nicht nach dem letzten, höchstens drei Jahre auseinander. Stattdessen wird der Zeitraum gezeigt.
insights-top = Beiträge mit dem meisten Echo
insights-bottom = Beiträge mit dem wenigsten Echo
insights-bottom-none = Weniger als sechs Beiträge sind erschienen: alle stehen oben.
insights-piece = Beitrag
insights-funnel = Von der Idee zur Aufmerksamkeit, pro Abteilung
insights-handed-in = Eingereicht
insights-approved = Freigegeben
insights-published-ideas = Ideen veröffentlicht
insights-per-publication = Klicks und Interaktionen pro Post
insights-lead-time = Einreichung bis erster Post (Median)
insights-funnel-explain = Im Zeitraum eingereichte und freigegebene Ideen, Ideen mit einem Post darin, und die Tage von der ersten Einreichung einer Idee bis zu ihrem ersten Post.
targets-title = Ziele diesen Monat
targets-what = Kanal oder Abteilung
targets-metric = Zahl
targets-actual = Bisher
targets-amount = Ziel
targets-progress = Fortschritt
targets-month = Monat
targets-set = Ziel setzen
targets-remove = Entfernen
targets-none = Noch keine Ziele für diesen Monat: unten eines setzen.
targets-expected = { $n } bis jetzt erwartet
target-reached = Erreicht
target-on_track = Auf Kurs
target-behind = Im Rückstand
target-missed = Verfehlt
target-upcoming = Noch nicht begonnen
flash-target-set = Ziel gespeichert.
flash-target-removed = Ziel entfernt.
error-target-scope = Wählen Sie einen Kanal oder eine Abteilung.
error-target-metric = Wählen Sie Veröffentlichungen, Klicks oder Interaktionen.
error-target-month = Ein Monat wie 2026-11.
error-target-amount = Eine ganze Zahl ab 1.
home-results = Was Ihre Ideen gebracht haben
home-results-idea = Idee (letzter Post)
inbox-more = Die { $shown } dringendsten von { $open } werden gezeigt; nach Kanal, Zuständigkeit oder Tonfall filtern für die übrigen.
