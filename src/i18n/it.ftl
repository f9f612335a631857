# Pressroom — Italiano

nav-skip = Vai al contenuto
nav-label = Navigazione principale
nav-home = Inizio
nav-users = Utenti
nav-departments = Reparti
nav-audit = Registro
nav-account = Il tuo account
nav-logout = Esci

save = Salva
none = Nessuno
form-has-errors = Correggi i campi segnalati.

role-admin = Admin
role-editor = Redazione
role-contributor = Collaboratore

field-name = Nome
field-display-name = Nome visualizzato
field-email = E-mail
field-password = Password
field-password-repeat = Ripeti la password
field-password-current = Password attuale
field-password-new = Nuova password
field-password-initial = Password iniziale
field-team-timezone = Fuso orario del team
field-timezone = Fuso orario
field-language = Lingua
field-role = Ruolo
field-department = Reparto
hint-password = Almeno 10 caratteri. Una frase che ricordi è una buona password.
hint-team-timezone = Gli orari di pubblicazione e il calendario usano questo fuso, se nessuno ne sceglie un altro.
hint-department = I collaboratori propongono idee per il loro reparto: ne serve uno.

setup-title = Configura Pressroom
setup-lead = Crea il primo account admin. Potrai aggiungere il tuo team subito dopo.
setup-submit = Crea l'admin e inizia

login-title = Accedi
login-lead = Bentornato al tuo tavolo di redazione.
login-submit = Accedi

home-title = Inizio
home-greeting = Ciao, { $name }
home-role = Hai effettuato l'accesso come { $role }.
home-next-departments = Prossimo passo: crea i reparti
home-next-departments-text = Le idee arrivano dai reparti. Creali, poi invita collaboratori e redazione.

account-title = Il tuo account
account-profile = Profilo
account-password = Cambia password
account-password-submit = Cambia password

users-title = Utenti
users-status = Stato
users-active = Attivo
users-disabled = Bloccato
users-add = Aggiungi un utente
users-add-submit = Aggiungi
users-no-departments = I collaboratori hanno bisogno di un reparto; non ce n'è ancora nessuno.

user-edit-title = Ruolo e reparto
user-access = Accesso
user-disable = Blocca utente
user-disable-text = Un utente bloccato viene disconnesso subito e non può accedere finché non viene sbloccato.
user-enable = Sblocca utente
user-disabled-text = Questo utente non può accedere.
user-cannot-disable-self = Non puoi bloccare il tuo account.

departments-title = Reparti
departments-lead = Da dove arrivano le idee.
departments-none = Ancora nessun reparto.
departments-starter-text = La maggior parte dei team inizia con questi:
departments-starter-submit = Aggiungili tutti
departments-add = Aggiungi un reparto
departments-add-submit = Aggiungi

audit-title = Registro
audit-lead = Chi ha fatto cosa, e quando. Le ultime 200 voci.
audit-when = Quando
audit-who = Chi
audit-action = Azione
audit-target = Oggetto
audit-from = Da

flash-setup-done = Benvenuto! Il tavolo di redazione del tuo team è pronto.
flash-logged-out = Sei uscito.
flash-account-saved = Le tue impostazioni sono salvate.
flash-password-changed = La password è cambiata. Le altre sessioni sono state chiuse.
flash-user-created = L'utente è stato aggiunto.
flash-user-saved = L'utente è stato salvato.
flash-user-disabled = L'utente è bloccato ed è stato disconnesso.
flash-user-enabled = L'utente è di nuovo sbloccato.
flash-cannot-disable-self = Non puoi bloccare il tuo account.
flash-department-created = Il reparto è stato aggiunto.
flash-departments-created = I reparti sono stati aggiunti.

error-back-home = Torna all'inizio
error-not-found = Non trovato
error-not-found-text = A questo indirizzo non c'è nulla, oppure non puoi vederlo.
error-forbidden = Non consentito
error-forbidden-text = Il tuo ruolo non lo consente.
error-unauthorized = Accesso richiesto
error-unauthorized-text = Accedi o invia un token API valido.
error-csrf = Modulo scaduto
error-csrf-text = Il modulo era troppo vecchio o non proveniva da questo sito. Torna indietro, ricarica la pagina e riprova.
error-invalid = Controlla i dati inseriti
error-invalid-text = Alcuni campi non sono validi.
error-bad-request = Richiesta non valida
error-bad-request-text = Non è stato possibile leggere la richiesta.
error-conflict = Modificato nel frattempo
error-conflict-text = Qualcuno l'ha modificato nel frattempo.
error-too-many = Troppi tentativi
error-too-many-text = Attendi un momento e riprova.
error-unavailable = Temporaneamente non disponibile
error-unavailable-text = Il database non risponde. Riprova tra un attimo.
error-internal = Qualcosa è andato storto
error-internal-text = È colpa nostra; l'errore è stato registrato.
error-method = Metodo non consentito
error-method-text = Questo indirizzo non accetta questo tipo di richiesta.
error-too-large = Troppo grande
error-too-large-text = Ciò che hai inviato è troppo grande.
error-media-type = Formato non supportato
error-media-type-text = Questo indirizzo non accetta questo tipo di contenuto.

error-email-invalid = Inserisci un indirizzo e-mail come nome@example.com.
error-email-taken = Esiste già un utente con questo indirizzo e-mail.
error-required = Questo campo è obbligatorio.
error-too-long = È troppo lungo.
error-control-chars = Contiene caratteri che non possono essere visualizzati.
error-bidi-chars = Contiene caratteri che invertono la direzione del testo.
error-password-short = La password deve avere almeno 10 caratteri.
error-password-mismatch = Le due password sono diverse.
error-password-current = La password attuale è sbagliata.
error-timezone = Scegli un fuso orario dall'elenco.
error-language = Scegli una lingua dall'elenco.
error-role = Scegli un ruolo dall'elenco.
error-department-unknown = Scegli un reparto dall'elenco.
error-department-required = Un collaboratore ha bisogno di un reparto.
error-department-exists = Questo reparto esiste già.
error-last-admin = Il team ha bisogno di almeno un admin attivo.
error-login-wrong = E-mail o password sbagliate.
error-login-disabled = Questo account è bloccato. Chiedi a un admin di sbloccarlo.
error-login-throttled = Troppi tentativi falliti. Attendi qualche minuto e riprova.

state-draft = Bozza
state-submitted = Inviata
state-in_review = In esame
state-changes_requested = Modifiche richieste
state-approved = Accettata
state-rejected = Respinta
state-in_production = In produzione
state-scheduled = Pianificata
state-published = Pubblicata
state-archived = Archiviata

action-submit = Invia
action-withdraw = Ritira
action-start-review = Inizia l'esame
action-request-changes = Chiedi modifiche
action-approve = Accetta
action-reject = Respingi
action-resubmit = Invia di nuovo
action-start-production = Avvia la produzione
action-back-to-approved = Torna ad accettata
action-schedule = Segna come pianificata
action-unschedule = Annulla la pianificazione
action-mark-published = Segna come pubblicata
action-archive = Archivia
action-reopen = Riapri

error-refused = Non possibile
error-refused-text = Qui non è possibile.
error-transition-not-from-here = Questo passo non è possibile nello stato attuale dell'idea.
error-transition-role = Il tuo ruolo non consente questo passo.
error-transition-not-yours = Solo chi ha inviato l'idea può fare questo passo.
error-comment-required = Spiega il motivo in un commento.
error-changed-by = { $name } l'ha modificato nel frattempo. Il tuo testo è conservato qui sotto: controlla la modifica e invia di nuovo.

nav-ideas = Idee
nav-board = Bacheca
nav-mail = E-mail
idea-new-short = + Idea
cancel = Annulla
next-page = Pagina successiva

idea-new-title = Proponi un'idea
idea-new-lead = Per iniziare basta un titolo; più racconti, più in fretta il team decide.
idea-edit-title = Modifica l'idea
idea-title = Idea
idea-by = di { $name }
idea-for-department = Per il reparto
idea-submit = Invia l'idea
idea-save-draft = Salva come bozza
idea-no-channels = Ancora nessun canale: li crea la redazione.
idea-history = Cronologia
idea-comment = Commento
idea-comment-submit = Aggiungi il commento
idea-next-step = Prossimo passo
idea-assign = Assegna
idea-assign-me = Me ne occupo io
idea-similar = Idee precedenti simili

field-title = Titolo
field-pitch = Pitch
field-audience = Pubblico
field-pillar = Pilastro o campagna
field-tags = Parole chiave
field-tag = Parola chiave
field-wished-date = Data di pubblicazione desiderata
field-channels = Canali proposti
field-languages = Lingue
field-links = Link di riferimento
field-assignee = Responsabile
field-comment = Commento
hint-pitch = Di cosa si tratta, e perché interessa al nostro pubblico? Il Markdown funziona: **grassetto**, elenchi, link.
hint-audience = Per chi è, p. es. «clienti PMI in Ticino».
hint-pillar = Il pilastro di contenuto o la campagna a cui appartiene.
hint-tags = Separale con virgole.
hint-links = Un indirizzo web per riga.
hint-mention = Menziona qualcuno con @ e la prima parte del suo indirizzo e-mail, p. es. @anna.
hint-step-comment = Necessario per chiedere modifiche o respingere.

language-de = Tedesco
language-fr = Francese
language-it = Italiano
language-en = Inglese

ideas-title = Idee
ideas-lead = Tutto ciò che è stato inviato e che puoi vedere.
ideas-mine = Le mie idee
ideas-none = Ancora nessuna idea. Proponi la prima!
ideas-none-filtered = Nessuna idea corrisponde a questi filtri.

filter-search = Cerca in titolo e pitch
filter-state = Stato
filter-any = Tutti
filter-me = Io
filter-from = Inviate dal
filter-to = Inviate fino al
filter-sort = Ordine
filter-apply = Filtra
filter-reset = Reimposta
sort-newest = Più recenti prima
sort-oldest = Meno recenti prima

bulk-select = Seleziona
bulk-title = Con le idee selezionate:
bulk-assign = Assegna
bulk-reject = Respingi
bulk-reject-hint = Perché vengono respinte (obbligatorio)

board-title = Bacheca
board-lead = Tutte le idee in esame e in produzione, una colonna per stato.
board-move = Sposta
board-more = Vedi tutte nell'elenco

event-created = ha inviato l'idea
event-edited = ha modificato l'idea
event-transition = ha fatto avanzare l'idea
event-comment = ha commentato
event-assigned = ha cambiato il responsabile

account-mail = Notifiche via e-mail
mail-kind-state = Quando lo stato della mia idea cambia
mail-kind-comment = Quando qualcuno commenta la mia idea
mail-kind-assigned = Quando mi viene assegnata un'idea
mail-kind-mention = Quando qualcuno mi menziona

mail-title = E-mail
mail-lead = Le notifiche che non è ancora stato possibile inviare. Vengono ritentate con pause crescenti e mai scartate.
mail-retry = Riprova tutto ora
mail-to = A
mail-subject = Oggetto
mail-attempts = Tentativi
mail-error = Ultimo errore
mail-next = Prossimo tentativo
mail-none-failing = Tutte le e-mail sono state inviate.
mail-footer = Ricevi questa e-mail da Pressroom. Scegli quali e-mail ricevere in «Il tuo account».

mail-state-subject = La tua idea «{ $title }» è ora: { $state }
mail-state-body = Ciao { $name },
    
    { $actor } ha portato la tua idea «{ $title }» a: { $state }.
    
    { $comment }
mail-comment-subject = Nuovo commento su «{ $title }»
mail-comment-body = Ciao { $name },
    
    { $actor } ha commentato la tua idea «{ $title }»:
    
    { $comment }
mail-mention-subject = { $actor } ti ha menzionato su «{ $title }»
mail-mention-body = Ciao { $name },
    
    { $actor } ti ha menzionato in un commento su «{ $title }»:
    
    { $comment }
mail-assigned-subject = «{ $title }» è stata assegnata a te
mail-assigned-body = Ciao { $name },
    
    { $actor } ti ha assegnato l'idea «{ $title }».

flash-idea-submitted = La tua idea è stata inviata. Saprai via e-mail cosa ne sarà.
flash-idea-draft = La bozza è salvata. Solo tu la vedi finché non la invii.
flash-idea-moved = L'idea è andata avanti.
flash-idea-saved = L'idea è stata salvata.
flash-idea-assigned = Il responsabile è stato cambiato.
flash-comment-added = Il tuo commento è stato aggiunto.
flash-bulk-none = Seleziona prima almeno un'idea.
flash-bulk-comment-required = Spiega perché le idee vengono respinte.
flash-bulk-done = Fatto per tutte le idee selezionate.
flash-bulk-partly = Fatto, ma alcune idee sono state saltate: il loro stato non lo consente.
flash-mail-retry = Tutte le e-mail in attesa verranno ritentate ora.

error-title-too-long = Il titolo può avere al massimo 200 caratteri.
error-tag-invalid = Le parole chiave non possono contenere virgole e hanno al massimo 40 caratteri.
error-metric-name = I nomi delle metriche sono lettere minuscole, cifre e trattini bassi, al massimo 40.
error-metric-value = I valori sono numeri interi da 0 in su.
error-too-many-items = Ci sono troppe voci.
error-channel-unknown = Scegli i canali dall'elenco.
error-language-unknown = Scegli le lingue tra tedesco, francese, italiano e inglese.
error-date-past = La data è già passata.
error-date-invalid = Inserisci una data come 2026-12-01.
error-link-invalid = Ogni link deve essere un indirizzo web che inizia con https:// o http://.
error-assignee = Solo la redazione attiva e gli admin possono essere responsabili.
error-state-new = Una nuova idea è «draft» oppure «submitted».
error-state-unknown = Stato sconosciuto.
error-limit = Il limite deve essere tra 1 e 200.
error-cursor = Questo cursore non proviene da questo elenco.
error-version-required = Invia la versione che hai modificato, così le modifiche fatte nel frattempo non vengono sovrascritte.

nav-channels = Canali
remove = Rimuovi
channels-title = Canali
channels-lead = Dove escono i contenuti, e quando: ogni canale ha orari di pubblicazione dai suoi calendari.
channels-none = Ancora nessun canale. Aggiungine uno dei tipi qui sopra.
channel-new-title = Nuovo canale
channel-edit-title = Canale
channel-kind = Tipo
channel-kind-webhook = Webhook
channel-kind-mastodon = Mastodon
channel-kind-newsletter = Newsletter
channel-kind-feed = Feed RSS/Atom
channel-field-url = Indirizzo del webhook (https)
channel-field-signing-secret = Segreto di firma
channel-field-instance-url = Server Mastodon (https)
channel-field-max-characters = Limite di caratteri (500 predefinito)
channel-field-access-token = Token di accesso
channel-field-from-address = Indirizzo del mittente
channel-field-reply-to = Indirizzo di risposta
channel-field-max-per-minute = Numero massimo di e-mail al minuto (predefinito 600)
channel-field-track-opens = Conta le aperture (aggiunge un’immagine invisibile a ogni e-mail; disattivato finché non lo attivi)
channel-field-smtp-url = URL del server SMTP con credenziali
channel-field-title = Titolo del feed
channel-field-description = Descrizione del feed
channel-secret = segreto
channel-secret-set = impostato — digita per sostituire
channel-secret-set-hint = Salvato cifrato e mai più mostrato. Lascia vuoto per conservarlo.
channel-several-per-slot = Più contenuti possono condividere un orario
channel-create = Crea il canale
channel-settings = Impostazioni
channel-schedules = Calendari di pubblicazione
channel-next-slot = Prossimo orario
channel-next-slots = I prossimi dieci orari (il tuo fuso)
channel-no-schedules = Ancora nessun calendario: le varianti possono ricevere solo un orario preciso.
channel-cron = Espressione cron
hint-cron = Secondi, minuti, ore, giorno del mese, mese, giorno della settimana, anno — p. es. «0 0 9 * * Mon-Fri *» per le 09:00 nei giorni feriali.
channel-preview = Anteprima
channel-preview-title = I prossimi dieci orari di questo calendario
channel-add-schedule = Aggiungi il calendario
channel-pause = Metti in pausa il canale
channel-resume = Riattiva il canale
channel-paused = In pausa
flash-channel-saved = Il canale è stato salvato.
flash-channel-paused = Il canale è in pausa: non vi si pubblica nulla finché non viene riattivato.
flash-channel-resumed = Il canale è di nuovo attivo.
flash-schedule-added = Il calendario è stato aggiunto.
flash-schedule-removed = Il calendario è stato rimosso.
error-channel-field-unknown = Queste impostazioni appartengono a un altro tipo di canale.
error-channel-name-taken = Esiste già un canale con questo nome.
error-https-url = Inserisci un indirizzo che inizia con https://.
error-number = Inserisci un numero intero tra 1 e 100000.
error-cron = Non è un'espressione cron valida: { $why }
error-cron-never = Questa espressione non indica alcun momento futuro.
error-channel-kind = Il tipo deve essere webhook, mastodon, newsletter o feed.
error-cron-short = L'espressione cron di un calendario non è valida.

nav-calendar = Calendario
field-channel = Canale
idea-start-production = Avvia la produzione
idea-open-content = Apri il contenuto
content-title = Contenuto
content-piece = Il contenuto
content-body = Testo
content-add-variant = Aggiungi una variante
content-no-variants = Ancora nessuna variante: aggiungine una per canale e lingua a destra.
variant-text = Testo
variant-link = Link
variant-subject = Oggetto
variant-title = Titolo
variant-preheader = Testo di anteprima
variant-images = Immagini
hint-images = Una per riga: indirizzo | testo alternativo
variant-characters = caratteri
variant-preview = Anteprima
variant-when = Quando
variant-next-slot = Prossimo orario libero
variant-pick-slot = Scegli un orario
variant-take-slot = Prendi l'orario
variant-at = A quest'ora
variant-unschedule = Togli dal calendario
variant-scheduled-at = Pianificata: { $when }
variant-unscheduled = Non pianificata
variant-too-long = { $count } caratteri: il canale ne accetta { $limit }.
variant-too-many-images = { $count } immagini: il canale ne accetta { $limit }.
variant-image-alt = Ogni immagine ha bisogno di un testo alternativo.
variant-subject-required = Una newsletter ha bisogno di un oggetto.
variant-title-required = Una voce del feed ha bisogno di un titolo.
variant-empty = La variante è vuota.
flash-content-created = Produzione avviata: aggiungi una variante per canale e lingua.
flash-content-saved = Il contenuto è stato salvato.
flash-variant-added = La variante è stata aggiunta.
flash-variant-exists = Questo contenuto ha già una variante per questo canale e questa lingua.
flash-variant-saved = La variante è stata salvata.
flash-variant-scheduled = La variante è nel calendario.
flash-variant-unscheduled = La variante è stata tolta dal calendario.
flash-calendar-revoked = L'indirizzo del calendario non funziona più.
error-content-needs-approval = Solo un'idea accettata può andare in produzione.
error-schedule-past = Quel momento è già passato.
error-slot-taken = Un altro contenuto occupa questo orario su questo canale.
error-no-free-slot = Il canale non ha orari liberi: aggiungi un calendario o scegli un'ora.
error-time-invalid = Inserisci data e ora, p. es. 2026-12-01 09:00.
calendar-title = Calendario
calendar-lead = Orari in { $tz }.
calendar-prev = Prima
calendar-next = Dopo
calendar-today = Oggi
calendar-month = Mese
calendar-week = Settimana
calendar-agenda = Agenda
calendar-move = Sposta
calendar-wished = data desiderata
calendar-state-scheduled = pianificata
calendar-state-published = pubblicata
calendar-state-failed = fallita
calendar-feeds = Abbonamenti al calendario
calendar-feeds-lead = Un indirizzo segreto a cui la tua app di calendario può abbonarsi. Chi lo conosce può leggere il piano: revocalo se trapela.
calendar-feed-create = Crea un indirizzo di calendario
calendar-feed-revoke = Revoca
calendar-all-channels = Tutti i canali
calendar-feed-title = Il tuo indirizzo di calendario
calendar-feed-once = Copialo ora: viene mostrato una sola volta.
weekday-0 = lun
weekday-1 = mar
weekday-2 = mer
weekday-3 = gio
weekday-4 = ven
weekday-5 = sab
weekday-6 = dom
month-1 = gennaio
month-2 = febbraio
month-3 = marzo
month-4 = aprile
month-5 = maggio
month-6 = giugno
month-7 = luglio
month-8 = agosto
month-9 = settembre
month-10 = ottobre
month-11 = novembre
month-12 = dicembre
error-schedule-state = Solo i contenuti in produzione possono essere pianificati: l'idea non lo è (più).
home-waiting = In attesa di esame

## Publishing
pub-state-pending = In attesa
pub-state-publishing = Pubblicazione in corso
pub-state-published = Pubblicato
pub-state-failed = Non riuscito
pub-state-unconfirmed = Non confermato
pub-live-link = Vedi il post
pub-last-error = Ultimo errore
pub-attempts = Tentativi
pub-next-retry = Prossimo tentativo
pub-retry = Pubblica di nuovo
pub-confirm = È online
pub-confirm-url = Indirizzo del post (facoltativo)
pub-unconfirmed-help = Il canale non ha risposto in tempo: il post potrebbe essere già online. Controlla il canale, poi segnalo come online o pubblicalo di nuovo.
flash-publication-retried = Il post verrà inviato di nuovo ora.
flash-publication-confirmed = Segnato come pubblicato.
banner-publications = { $count ->
    [one] Un post richiede attenzione: non è riuscito o il canale non l'ha confermato.
   *[other] { $count } post richiedono attenzione: non sono riusciti o il canale non li ha confermati.
}
banner-publications-link = Mostrali
publications-title = Pubblicazioni
publications-none = Niente qui.
publications-channel = Canale
publications-variant = Variante
publications-scheduled = Previsto per
publications-state = Stato
error-publication-locked = Questa variante è (forse) già pubblicata: non può più essere spostata né tolta dal piano.
error-publication-not-retryable = Solo i post non riusciti o non confermati possono essere inviati di nuovo.
error-publication-not-confirmable = Solo i post non confermati o non riusciti possono essere segnati come pubblicati.
error-publication-changed = Qualcun altro ha agito su questo post nel frattempo. Ricarica la pagina.
error-url-invalid = Inserisci un indirizzo che inizi con https:// o http://.
mail-kind-publishing = Quando un post non può essere pubblicato
mail-publication-failed-subject = Non pubblicato: «{ $title }» su { $channel }
mail-publication-failed-body = Ciao { $name },
    
    «{ $title }» non ha potuto essere pubblicato su { $channel }.
    
    { $error }
    
    Apri il contenuto per correggerlo e pubblicarlo di nuovo.
mail-publication-unconfirmed-subject = Da controllare: «{ $title }» è uscito su { $channel }?
mail-publication-unconfirmed-body = Ciao { $name },
    
    «{ $title }» è stato inviato a { $channel }, ma non è arrivata risposta: potrebbe essere online o no.
    
    { $error }
    
    Controlla il canale, poi segnalo come online o pubblicalo di nuovo.
nav-jobs = Lavori
jobs-title = Lavori in background
jobs-due = Dovuti e in attesa
jobs-running = In esecuzione
jobs-retrying = Da ritentare
jobs-dead = Falliti definitivamente
jobs-kind = Tipo
jobs-run-at = Esecuzione alle
jobs-attempts = Tentativi
jobs-error = Ultimo errore
jobs-retry = Esegui ora
jobs-cancel = Annulla
jobs-none = Niente qui.
flash-job-retried = Il lavoro verrà eseguito ora.
flash-job-cancelled = Il lavoro è stato annullato.

## Newsletters
newsletter-subscribe-title = Iscriviti
newsletter-subscribe-lead = Ricevi questa newsletter per e-mail. Prima ti inviamo un link di conferma.
newsletter-subscribe-button = Iscriviti
newsletter-subscribe-hint = Ogni newsletter contiene un link per disiscriversi.
newsletter-check-mail-title = Controlla la tua posta
newsletter-check-mail-text = Se l'indirizzo può ricevere questa newsletter, è in arrivo un'e-mail con un link di conferma. L'iscrizione inizia quando lo clicchi.
newsletter-confirm-title = Conferma l'iscrizione
newsletter-confirm-text = Un clic, e ricevi questa newsletter.
newsletter-confirm-button = Conferma
newsletter-confirmed-title = Iscritto
newsletter-confirmed-text = Grazie: riceverai la prossima newsletter.
newsletter-unsubscribe-title = Disiscriviti
newsletter-unsubscribe-text = Non riceverai più questa newsletter.
newsletter-unsubscribe-button = Disiscriviti
newsletter-unsubscribed-title = Disiscritto
newsletter-unsubscribed-text = Non sei più nella lista. Puoi iscriverti di nuovo in qualsiasi momento.
newsletter-confirm-subject = Conferma per favore: { $newsletter }
newsletter-confirm-body = Buongiorno,
    
    qualcuno (speriamo tu) ha chiesto di ricevere la newsletter «{ $newsletter }» a questo indirizzo. Per confermare, apri questo link e clicca su «Conferma»:
    
    { $link }
    
    Se non sei stato tu, ignora questa e-mail: non verrà inviato nulla.
newsletter-mail-footer = Ricevi questa newsletter perché ti sei iscritto. Disiscriviti:
channel-secret-title = Il segreto di firma del webhook
channel-secret-text = Pressroom ha creato questo segreto per il webhook. Dallo al destinatario, che verifica ogni invio con esso. Viene mostrato solo ora.
channel-secret-hint = Perso? Incolla un nuovo segreto (whsec_ e base64) nelle impostazioni del canale e dallo al destinatario.
channel-secret-done = L'ho salvato
error-webhook-secret = Usa un segreto nel formato Standard Webhooks: whsec_ seguito da 24 a 64 byte in base64, oppure lascia il campo vuoto per riceverne uno.

# API tokens on the account page
tokens-title = Token API
tokens-lead = Gli script li usano per accedere. Cambiare la password li revoca tutti. Creane uno con pressroom token create (sul server).
token-created = creato
token-last-used = ultimo uso
token-never-used = mai usato
token-revoke = Revoca
tokens-none = Non hai token API.
flash-token-revoked = Il token è revocato; gli script che lo usano vengono rifiutati da ora.
tokens-none-user = Questa persona non ha token API.

# A person's data
user-data = Dati personali
user-export = Scarica tutto ciò che è salvato su questa persona (JSON)
user-erase = Cancella questa persona
user-erase-text = La cancellazione la disconnette per sempre e rimuove nome, indirizzo, token, feed del calendario e mail. Le sue idee e i commenti restano, attribuiti a un ex membro. Non si può annullare.
flash-user-erased = La persona è cancellata; le sue idee restano, attribuite a un ex membro.
error-erase-self = Non puoi cancellare il tuo account.
token-expires = scade

# A newsletter reader's data
subscriber-data = Dati di un lettore della newsletter
subscriber-data-lead = Scarica tutto ciò che è salvato per un indirizzo, o cancellalo da tutte le newsletter (le sue iscrizioni terminano e lo dimenticano).
subscriber-export = Scarica (JSON)
subscriber-erase = Cancella
flash-subscriber-erased = L’indirizzo è cancellato da tutte le newsletter.

# Insights
nav-insights = Analisi
insights-title = Analisi
insights-lead = Cosa è stato pubblicato e cosa ha reso.
insights-period = Periodo
insights-days = Ultimi { $n } giorni
insights-by = Per
insights-by-channel = Canale
insights-by-department = Reparto
insights-by-pillar = Pilastro o campagna
insights-by-language = Lingua
insights-publications = Pubblicazioni
insights-clicks = Clic
insights-engagement = Interazioni
insights-total = Totale
insights-none = In questo periodo non è stato pubblicato nulla.
insights-csv = Scarica CSV
insights-explain = I clic sono quelli di persone su link tracciati (senza bot); le interazioni sommano i conteggi propri dei canali (preferiti, condivisioni, risposte o ciò che un ricevitore segnala), come letti per ultimi.
idea-results = Risultati

nav-inbox = Messaggi
inbox-title = Messaggi
inbox-lead = { $open } in attesa di risposta, { $overdue } dei quali in ritardo. I più vecchi prima.
inbox-state = Stato
inbox-channel = Canale
inbox-tone = Tono
inbox-mine = Le mie
inbox-none = Niente qui: nessuna conversazione corrisponde.
inbox-conversation = Conversazione
inbox-received = in attesa dal { $at }
inbox-answered-at = risposta il { $at }
inbox-answers-publication = In risposta al nostro post:
inbox-our-reply = La nostra risposta
inbox-internal-note = Nota interna
inbox-open-original = Apri l'originale
inbox-boosted = Condiviso sul canale.
inbox-boost = Condividi sul nostro canale
inbox-reply = Risposta
inbox-reply-hint = Parte come risposta sul canale, iniziando con il nome della persona; al massimo { $limit } caratteri.
inbox-send-reply = Invia risposta
inbox-note-label = Solo il team la vede
inbox-add-note = Aggiungi nota
inbox-correct-tone = Correggi
inbox-tone-by-person = Impostato da una persona.
inbox-tone-by-scorer = Stimato dalle parole; correggilo se è sbagliato.
inbox-to-idea = Farne un'idea
inbox-open-idea = Apri l'idea nata da qui
inbox-make-idea = Proponi come idea
inbox-due-in = risposta attesa tra { $time }
inbox-overdue = in ritardo di { $time }
inbox-state-open = Aperta
inbox-state-answered = Risposta data
inbox-state-no_reply = Nessuna risposta necessaria
inbox-state-closed = Chiusa
inbox-move-open = Riapri
inbox-move-answered = Risposta altrove
inbox-move-no_reply = Nessuna risposta necessaria
inbox-move-closed = Chiudi
inbox-tone-positive = Positivo
inbox-tone-neutral = Neutro
inbox-tone-negative = Negativo
inbox-send-pending = invio…
inbox-send-sent = inviata
inbox-send-unconfirmed = inviata, ma non confermata: controlla sul canale
inbox-send-failed = non inviata
flash-reply-queued = La tua risposta è in viaggio.
flash-note-added = Nota aggiunta.
flash-conversation-moved = Conversazione aggiornata.
flash-conversation-assigned = Responsabile salvato.
flash-tone-corrected = Tono corretto.
flash-idea-from-conversation = La conversazione è diventata un'idea.
flash-boost-queued = La condivisione è in viaggio.
error-inbox-cannot-reply = A questa conversazione non si può rispondere da Pressroom.
error-inbox-not-from-here = La conversazione non può andare lì dal suo stato attuale.
error-inbox-cannot-boost = Solo un messaggio Mastodon può essere condiviso.
error-sentiment-unknown = Il tono è positivo, neutro o negativo.
error-hours = L'orario di lavoro si scrive 08:00-18:00.
error-switch = Scegli attivo o disattivo.
channel-field-answer-minutes = Rispondere entro (minuti, predefinito 60)
channel-field-answer-hours = Contare il tempo di risposta solo in orario di lavoro, lu–ve (p. es. 08:00-18:00; vuoto: sempre)
channel-field-inbox-minutes = Cercare nuove menzioni ogni … minuti (predefinito 1)
mail-kind-inbox = Quando una conversazione si avvicina al termine di risposta
mail-inbox-due-subject = Una risposta su { $channel } è attesa tra { $minutes } minuti
mail-inbox-due-body = Ciao { $name },
    
    una conversazione su { $channel } attende una risposta; è attesa tra { $minutes } minuti.
insights-answer-times = Tempi di risposta dei messaggi
insights-answers = Risposte
insights-within-target = Entro il termine
insights-by-person = Persona
insights-answer-explain = Dal primo messaggio senza risposta all'invio della nostra risposta; p50 e p90: metà e nove risposte su dieci hanno richiesto al massimo questo tempo.
insights-no-answers = Nessuna risposta dai messaggi in questo periodo.
banner-inbox = { $open ->
    [one] Una conversazione attende una risposta
   *[other] { $open } conversazioni attendono una risposta
  }{ $overdue ->
    [0] .
   *[other] , { $overdue } in ritardo.
  }
banner-inbox-link = Apri i messaggi
insights-from = Dal
insights-to = Al
insights-range-hint = Scegli un periodo, o un intervallo di giorni (dal, al, nel tuo fuso orario), che vale allora al suo posto.
insights-bad-range = Questo intervallo non si può mostrare: indica entrambi i giorni, il primo non dopo l'ultimo, al massimo tre anni di distanza. Viene mostrato il periodo.
insights-top = Contenuti che hanno reso di più
insights-bottom = Contenuti che hanno reso di meno
insights-bottom-none = Sono usciti meno di sei contenuti: sono tutti qui sopra.
insights-piece = Contenuto
insights-funnel = Dall'idea all'attenzione, per reparto
insights-handed-in = Proposte
insights-approved = Approvate
insights-published-ideas = Idee pubblicate
insights-per-publication = Clic e interazioni per post
insights-lead-time = Dalla proposta al primo post (mediana)
insights-funnel-explain = Idee proposte e approvate nel periodo, idee con un post nel periodo, e i giorni dalla prima proposta di un'idea al suo primo post.
targets-title = Obiettivi di questo mese
targets-what = Canale o reparto
targets-metric = Misura
targets-actual = Finora
targets-amount = Obiettivo
targets-progress = Avanzamento
targets-month = Mese
targets-set = Fissa obiettivo
targets-remove = Rimuovi
targets-none = Ancora nessun obiettivo per questo mese: fissane uno qui sotto.
targets-expected = { $n } attesi a questo punto
target-reached = Raggiunto
target-on_track = In linea
target-behind = In ritardo
target-missed = Mancato
target-upcoming = Non iniziato
flash-target-set = Obiettivo salvato.
flash-target-removed = Obiettivo rimosso.
error-target-scope = Scegli un canale o un reparto.
error-target-metric = Scegli pubblicazioni, clic o interazioni.
error-target-month = Un mese come 2026-11.
error-target-amount = Un numero intero da 1 in su.
home-results = Cosa hanno reso le tue idee
home-results-idea = Idea (ultimo post)
inbox-more = Sono mostrate le { $shown } più urgenti di { $open }; filtra per canale, responsabile o tono per le altre.
