# Pressroom — Français

nav-skip = Aller au contenu
nav-label = Navigation principale
nav-home = Accueil
nav-users = Utilisateurs
nav-departments = Départements
nav-audit = Journal
nav-account = Votre compte
nav-logout = Se déconnecter

save = Enregistrer
none = Aucun
form-has-errors = Veuillez corriger les champs signalés.

role-admin = Admin
role-editor = Rédaction
role-contributor = Contributeur·rice

field-name = Nom
field-display-name = Nom affiché
field-email = E-mail
field-password = Mot de passe
field-password-repeat = Répéter le mot de passe
field-password-current = Mot de passe actuel
field-password-new = Nouveau mot de passe
field-password-initial = Mot de passe initial
field-team-timezone = Fuseau horaire de l'équipe
field-timezone = Fuseau horaire
field-language = Langue
field-role = Rôle
field-department = Département
hint-password = Au moins 10 caractères. Une phrase dont vous vous souvenez fait un bon mot de passe.
hint-team-timezone = Les créneaux de publication et le calendrier utilisent ce fuseau, sauf si quelqu'un en choisit un autre.
hint-department = Les contributeur·rices proposent des idées pour leur département : il leur en faut un.

setup-title = Configurer Pressroom
setup-lead = Créez le premier compte admin. Vous pourrez ajouter votre équipe ensuite.
setup-submit = Créer l'admin et commencer

login-title = Connexion
login-lead = Bon retour à votre table de rédaction.
login-submit = Se connecter

home-title = Accueil
home-greeting = Bonjour, { $name }
home-role = Vous êtes connecté·e comme { $role }.
home-next-departments = Prochaine étape : créer vos départements
home-next-departments-text = Les idées viennent des départements. Créez-les, puis invitez contributeur·rices et rédaction.

account-title = Votre compte
account-profile = Profil
account-password = Changer le mot de passe
account-password-submit = Changer le mot de passe

users-title = Utilisateurs
users-status = Statut
users-active = Actif
users-disabled = Bloqué
users-add = Ajouter un utilisateur
users-add-submit = Ajouter
users-no-departments = Les contributeur·rices ont besoin d'un département ; il n'y en a pas encore.

user-edit-title = Rôle et département
user-access = Accès
user-disable = Bloquer l'utilisateur
user-disable-text = Un utilisateur bloqué est déconnecté immédiatement et ne peut plus se connecter avant d'être débloqué.
user-enable = Débloquer l'utilisateur
user-disabled-text = Cet utilisateur ne peut pas se connecter.
user-cannot-disable-self = Vous ne pouvez pas bloquer votre propre compte.

departments-title = Départements
departments-lead = D'où viennent les idées.
departments-none = Pas encore de départements.
departments-starter-text = La plupart des équipes commencent avec ceux-ci :
departments-starter-submit = Tous les ajouter
departments-add = Ajouter un département
departments-add-submit = Ajouter

audit-title = Journal
audit-lead = Qui a fait quoi, et quand. Les 200 dernières entrées.
audit-when = Quand
audit-who = Qui
audit-action = Action
audit-target = Objet
audit-from = Depuis

flash-setup-done = Bienvenue ! La table de rédaction de votre équipe est prête.
flash-logged-out = Vous êtes déconnecté·e.
flash-account-saved = Vos réglages sont enregistrés.
flash-password-changed = Votre mot de passe est changé. Vos autres sessions ont été fermées.
flash-user-created = L'utilisateur a été ajouté.
flash-user-saved = L'utilisateur a été enregistré.
flash-user-disabled = L'utilisateur est bloqué et a été déconnecté.
flash-user-enabled = L'utilisateur est de nouveau débloqué.
flash-cannot-disable-self = Vous ne pouvez pas bloquer votre propre compte.
flash-department-created = Le département a été ajouté.
flash-departments-created = Les départements ont été ajoutés.

error-back-home = Retour à l'accueil
error-not-found = Introuvable
error-not-found-text = Il n'y a rien à cette adresse, ou vous n'avez pas le droit de le voir.
error-forbidden = Non autorisé
error-forbidden-text = Votre rôle ne le permet pas.
error-unauthorized = Connexion requise
error-unauthorized-text = Veuillez vous connecter ou envoyer un jeton d'API valide.
error-csrf = Formulaire expiré
error-csrf-text = Le formulaire était trop ancien ou ne venait pas de ce site. Revenez en arrière, rechargez la page et réessayez.
error-invalid = Veuillez vérifier votre saisie
error-invalid-text = Certains champs ne sont pas valides.
error-bad-request = Requête invalide
error-bad-request-text = La requête n'a pas pu être lue.
error-conflict = Modifié entre-temps
error-conflict-text = Quelqu'un a modifié ceci entre-temps.
error-too-many = Trop de tentatives
error-too-many-text = Veuillez patienter un moment, puis réessayer.
error-unavailable = Momentanément indisponible
error-unavailable-text = La base de données ne répond pas. Veuillez réessayer dans un instant.
error-internal = Une erreur s'est produite
error-internal-text = C'est notre faute ; l'erreur a été enregistrée.
error-method = Méthode non autorisée
error-method-text = Cette adresse n'accepte pas ce type de requête.
error-too-large = Trop volumineux
error-too-large-text = Ce que vous avez envoyé est trop volumineux.
error-media-type = Format non pris en charge
error-media-type-text = Cette adresse n'accepte pas ce type de contenu.

error-email-invalid = Saisissez une adresse e-mail comme nom@example.com.
error-email-taken = Un utilisateur avec cette adresse e-mail existe déjà.
error-required = Ce champ est obligatoire.
error-too-long = C'est trop long.
error-control-chars = Ceci contient des caractères qui ne peuvent pas être affichés.
error-bidi-chars = Ceci contient des caractères qui inversent le sens du texte.
error-password-short = Le mot de passe doit compter au moins 10 caractères.
error-password-mismatch = Les deux mots de passe diffèrent.
error-password-current = Le mot de passe actuel est faux.
error-timezone = Choisissez un fuseau horaire dans la liste.
error-language = Choisissez une langue dans la liste.
error-role = Choisissez un rôle dans la liste.
error-department-unknown = Choisissez un département dans la liste.
error-department-required = Un·e contributeur·rice a besoin d'un département.
error-department-exists = Ce département existe déjà.
error-last-admin = L'équipe a besoin d'au moins un admin actif.
error-login-wrong = L'e-mail ou le mot de passe est faux.
error-login-disabled = Ce compte est bloqué. Demandez à un admin de le débloquer.
error-login-throttled = Trop de tentatives échouées. Veuillez patienter quelques minutes et réessayer.

state-draft = Brouillon
state-submitted = Soumise
state-in_review = En examen
state-changes_requested = Modifications demandées
state-approved = Acceptée
state-rejected = Refusée
state-in_production = En production
state-scheduled = Planifiée
state-published = Publiée
state-archived = Archivée

action-submit = Soumettre
action-withdraw = Retirer
action-start-review = Commencer l'examen
action-request-changes = Demander des modifications
action-approve = Accepter
action-reject = Refuser
action-resubmit = Soumettre à nouveau
action-start-production = Lancer la production
action-back-to-approved = Revenir à acceptée
action-schedule = Marquer comme planifiée
action-unschedule = Annuler la planification
action-mark-published = Marquer comme publiée
action-archive = Archiver
action-reopen = Rouvrir

error-refused = Impossible
error-refused-text = Ce n’est pas possible ici.
error-transition-not-from-here = Cette étape n'est pas possible dans l'état actuel de l'idée.
error-transition-role = Votre rôle ne permet pas cette étape.
error-transition-not-yours = Seule la personne qui a soumis l'idée peut faire cette étape.
error-comment-required = Veuillez expliquer pourquoi dans un commentaire.
error-changed-by = { $name } a modifié ceci entre-temps. Votre texte est conservé ci-dessous : vérifiez la modification et renvoyez.

nav-ideas = Idées
nav-board = Tableau
nav-mail = E-mails
idea-new-short = + Idée
cancel = Annuler
next-page = Page suivante

idea-new-title = Proposer une idée
idea-new-lead = Un titre suffit pour commencer ; plus vous en dites, plus l'équipe décide vite.
idea-edit-title = Modifier l'idée
idea-title = Idée
idea-by = par { $name }
idea-for-department = Pour le département
idea-submit = Soumettre l'idée
idea-save-draft = Enregistrer comme brouillon
idea-no-channels = Pas encore de canaux : la rédaction les crée.
idea-history = Historique
idea-comment = Commentaire
idea-comment-submit = Ajouter le commentaire
idea-next-step = Étape suivante
idea-assign = Attribuer
idea-assign-me = Je m'en charge
idea-similar = Idées antérieures semblables

field-title = Titre
field-pitch = Pitch
field-audience = Public
field-pillar = Pilier ou campagne
field-tags = Mots-clés
field-tag = Mot-clé
field-wished-date = Date de publication souhaitée
field-channels = Canaux proposés
field-languages = Langues
field-links = Liens de référence
field-assignee = Responsable
field-comment = Commentaire
hint-pitch = De quoi s'agit-il, et pourquoi notre public s'y intéresserait-il ? Le Markdown fonctionne : **gras**, listes, liens.
hint-audience = Pour qui, p. ex. « clients PME en Suisse romande ».
hint-pillar = Le pilier de contenu ou la campagne dont elle fait partie.
hint-tags = Séparez-les par des virgules.
hint-links = Une adresse web par ligne.
hint-mention = Mentionnez quelqu'un avec @ et la première partie de son adresse e-mail, p. ex. @anna.
hint-step-comment = Nécessaire pour demander des modifications ou refuser.

language-de = Allemand
language-fr = Français
language-it = Italien
language-en = Anglais

ideas-title = Idées
ideas-lead = Tout ce qui a été soumis et que vous pouvez voir.
ideas-mine = Mes idées
ideas-none = Pas encore d'idées. Proposez la première !
ideas-none-filtered = Aucune idée ne correspond à ces filtres.

filter-search = Chercher dans le titre et le pitch
filter-state = État
filter-any = Tous
filter-me = Moi
filter-from = Soumises depuis
filter-to = Soumises jusqu'au
filter-sort = Ordre
filter-apply = Filtrer
filter-reset = Réinitialiser
sort-newest = Les plus récentes
sort-oldest = Les plus anciennes

bulk-select = Sélectionner
bulk-title = Avec les idées sélectionnées :
bulk-assign = Attribuer
bulk-reject = Refuser
bulk-reject-hint = Pourquoi elles sont refusées (obligatoire)

board-title = Tableau
board-lead = Toutes les idées en examen et en production, une colonne par état.
board-move = Déplacer
board-more = Tout voir dans la liste

event-created = a soumis l'idée
event-edited = a modifié l'idée
event-transition = a fait avancer l'idée
event-comment = a commenté
event-assigned = a changé le responsable

account-mail = Notifications par e-mail
mail-kind-state = Quand l'état de mon idée change
mail-kind-comment = Quand quelqu'un commente mon idée
mail-kind-assigned = Quand une idée m'est attribuée
mail-kind-mention = Quand quelqu'un me mentionne

mail-title = E-mails
mail-lead = Les notifications qui n'ont pas encore pu être envoyées. Elles sont réessayées avec des pauses croissantes et jamais abandonnées.
mail-retry = Tout réessayer maintenant
mail-to = À
mail-subject = Objet
mail-attempts = Tentatives
mail-error = Dernière erreur
mail-next = Prochaine tentative
mail-none-failing = Tous les e-mails ont été envoyés.
mail-footer = Vous recevez cet e-mail de Pressroom. Choisissez quels e-mails vous souhaitez sous « Votre compte ».

mail-state-subject = Votre idée « { $title } » est maintenant : { $state }
mail-state-body = Bonjour { $name },
    
    { $actor } a fait passer votre idée « { $title } » à : { $state }.
    
    { $comment }
mail-comment-subject = Nouveau commentaire sur « { $title } »
mail-comment-body = Bonjour { $name },
    
    { $actor } a commenté votre idée « { $title } » :
    
    { $comment }
mail-mention-subject = { $actor } vous a mentionné·e sur « { $title } »
mail-mention-body = Bonjour { $name },
    
    { $actor } vous a mentionné·e dans un commentaire sur « { $title } » :
    
    { $comment }
mail-assigned-subject = « { $title } » vous a été attribuée
mail-assigned-body = Bonjour { $name },
    
    { $actor } vous a attribué l'idée « { $title } ».

flash-idea-submitted = Votre idée est soumise. Vous apprendrez par e-mail ce qu'elle devient.
flash-idea-draft = Votre brouillon est enregistré. Vous seul·e le voyez jusqu'à ce que vous le soumettiez.
flash-idea-moved = L'idée a avancé.
flash-idea-saved = L'idée a été enregistrée.
flash-idea-assigned = Le responsable a été changé.
flash-comment-added = Votre commentaire a été ajouté.
flash-bulk-none = Sélectionnez d'abord au moins une idée.
flash-bulk-comment-required = Veuillez expliquer pourquoi les idées sont refusées.
flash-bulk-done = Fait pour toutes les idées sélectionnées.
flash-bulk-partly = Fait, mais certaines idées ont été ignorées : leur état ne le permet pas.
flash-mail-retry = Tous les e-mails en attente vont être réessayés maintenant.

error-title-too-long = Le titre peut compter au plus 200 caractères.
error-tag-invalid = Les mots-clés ne peuvent pas contenir de virgule et comptent au plus 40 caractères.
error-metric-name = Les noms de mesures sont en minuscules, chiffres et traits de soulignement, 40 au plus.
error-metric-value = Les valeurs sont des nombres entiers à partir de 0.
error-too-many-items = Il y a trop d'entrées.
error-channel-unknown = Choisissez des canaux dans la liste.
error-language-unknown = Choisissez des langues parmi allemand, français, italien et anglais.
error-date-past = La date est passée.
error-date-invalid = Saisissez une date comme 2026-12-01.
error-link-invalid = Chaque lien doit être une adresse web commençant par https:// ou http://.
error-assignee = Seuls la rédaction active et les admins peuvent être responsables.
error-state-new = Une nouvelle idée est soit « draft », soit « submitted ».
error-state-unknown = État inconnu.
error-limit = La limite doit être comprise entre 1 et 200.
error-cursor = Ce curseur ne vient pas de cette liste.
error-version-required = Envoyez la version que vous avez modifiée, afin de ne pas écraser les changements faits entre-temps.

nav-channels = Canaux
remove = Retirer
channels-title = Canaux
channels-lead = Où les contenus paraissent, et quand : chaque canal a des créneaux de publication tirés de ses calendriers.
channels-none = Pas encore de canaux. Ajoutez-en un des types ci-dessus.
channel-new-title = Nouveau canal
channel-edit-title = Canal
channel-kind = Type
channel-kind-webhook = Webhook
channel-kind-mastodon = Mastodon
channel-kind-newsletter = Newsletter
channel-kind-feed = Flux RSS/Atom
channel-field-url = Adresse du webhook (https)
channel-field-signing-secret = Secret de signature
channel-field-instance-url = Serveur Mastodon (https)
channel-field-max-characters = Limite de caractères (500 par défaut)
channel-field-access-token = Jeton d'accès
channel-field-from-address = Adresse d'expédition
channel-field-reply-to = Adresse de réponse
channel-field-max-per-minute = Nombre maximal d’e-mails par minute (600 par défaut)
channel-field-track-opens = Compter les ouvertures (ajoute une image invisible à chaque e-mail ; désactivé tant que vous ne l’activez pas)
channel-field-smtp-url = URL du serveur SMTP avec identifiants
channel-field-title = Titre du flux
channel-field-description = Description du flux
channel-secret = secret
channel-secret-set = défini — tapez pour remplacer
channel-secret-set-hint = Stocké chiffré et jamais réaffiché. Laissez vide pour le conserver.
channel-several-per-slot = Plusieurs contenus peuvent partager un créneau
channel-create = Créer le canal
channel-settings = Réglages
channel-schedules = Calendriers de publication
channel-next-slot = Prochain créneau
channel-next-slots = Les dix prochains créneaux (votre fuseau)
channel-no-schedules = Pas encore de calendrier : les variantes ne peuvent recevoir qu'une heure précise.
channel-cron = Expression cron
hint-cron = Secondes, minutes, heures, jour du mois, mois, jour de la semaine, année — p. ex. « 0 0 9 * * Mon-Fri * » pour 09:00 en semaine.
channel-preview = Aperçu
channel-preview-title = Les dix prochains créneaux de ce calendrier
channel-add-schedule = Ajouter le calendrier
channel-pause = Mettre le canal en pause
channel-resume = Réactiver le canal
channel-paused = En pause
flash-channel-saved = Le canal a été enregistré.
flash-channel-paused = Le canal est en pause : rien n'y est publié avant sa réactivation.
flash-channel-resumed = Le canal est de nouveau actif.
flash-schedule-added = Le calendrier a été ajouté.
flash-schedule-removed = Le calendrier a été retiré.
error-channel-field-unknown = Ces réglages appartiennent à un autre type de canal.
error-channel-name-taken = Un canal de ce nom existe déjà.
error-https-url = Saisissez une adresse commençant par https://.
error-number = Saisissez un nombre entier entre 1 et 100000.
error-cron = Ce n'est pas une expression cron valide : { $why }
error-cron-never = Cette expression ne désigne aucun moment futur.
error-channel-kind = Le type doit être webhook, mastodon, newsletter ou feed.
error-cron-short = L'expression cron d'un calendrier n'est pas valide.

nav-calendar = Calendrier
field-channel = Canal
idea-start-production = Lancer la production
idea-open-content = Ouvrir le contenu
content-title = Contenu
content-piece = Le contenu
content-body = Texte
content-add-variant = Ajouter une variante
content-no-variants = Pas encore de variantes : ajoutez-en une par canal et par langue à droite.
variant-text = Texte
variant-link = Lien
variant-subject = Objet
variant-title = Titre
variant-preheader = Texte d'aperçu
variant-images = Images
hint-images = Une par ligne : adresse | texte alternatif
variant-characters = caractères
variant-preview = Aperçu
variant-when = Quand
variant-next-slot = Prochain créneau libre
variant-pick-slot = Choisir un créneau
variant-take-slot = Prendre ce créneau
variant-at = À cette heure
variant-unschedule = Retirer du calendrier
variant-scheduled-at = Planifiée : { $when }
variant-unscheduled = Non planifiée
variant-too-long = { $count } caractères : le canal en accepte { $limit }.
variant-too-many-images = { $count } images : le canal en accepte { $limit }.
variant-image-alt = Chaque image a besoin d'un texte alternatif.
variant-subject-required = Une newsletter a besoin d'un objet.
variant-title-required = Une entrée de flux a besoin d'un titre.
variant-empty = La variante est vide.
flash-content-created = Production lancée : ajoutez une variante par canal et par langue.
flash-content-saved = Le contenu a été enregistré.
flash-variant-added = La variante a été ajoutée.
flash-variant-exists = Ce contenu a déjà une variante pour ce canal et cette langue.
flash-variant-saved = La variante a été enregistrée.
flash-variant-scheduled = La variante est au calendrier.
flash-variant-unscheduled = La variante a été retirée du calendrier.
flash-calendar-revoked = L'adresse du calendrier ne fonctionne plus.
error-content-needs-approval = Seule une idée acceptée peut passer en production.
error-schedule-past = Ce moment est passé.
error-slot-taken = Un autre contenu occupe ce créneau sur ce canal.
error-no-free-slot = Le canal n'a pas de créneau libre : ajoutez un calendrier ou choisissez une heure.
error-time-invalid = Saisissez une date et une heure, p. ex. 2026-12-01 09:00.
calendar-title = Calendrier
calendar-lead = Heures en { $tz }.
calendar-prev = Plus tôt
calendar-next = Plus tard
calendar-today = Aujourd'hui
calendar-month = Mois
calendar-week = Semaine
calendar-agenda = Agenda
calendar-move = Déplacer
calendar-wished = date souhaitée
calendar-state-scheduled = planifiée
calendar-state-published = publiée
calendar-state-failed = échouée
calendar-feeds = Abonnements au calendrier
calendar-feeds-lead = Une adresse secrète à laquelle votre application de calendrier peut s'abonner. Quiconque la connaît peut lire le plan : révoquez-la si elle fuite.
calendar-feed-create = Créer une adresse de calendrier
calendar-feed-revoke = Révoquer
calendar-all-channels = Tous les canaux
calendar-feed-title = Votre adresse de calendrier
calendar-feed-once = Copiez-la maintenant : elle n'est affichée qu'une fois.
weekday-0 = lun
weekday-1 = mar
weekday-2 = mer
weekday-3 = jeu
weekday-4 = ven
weekday-5 = sam
weekday-6 = dim
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
error-schedule-state = Seuls les contenus en production peuvent être planifiés : l'idée ne l'est pas (plus).
home-waiting = En attente d'examen

## Publishing
pub-state-pending = En attente
pub-state-publishing = Publication en cours
pub-state-published = Publié
pub-state-failed = Échec
pub-state-unconfirmed = Non confirmé
pub-live-link = Voir la publication
pub-last-error = Dernière erreur
pub-attempts = Tentatives
pub-next-retry = Prochaine tentative
pub-retry = Publier à nouveau
pub-confirm = C'est en ligne
pub-confirm-url = Adresse de la publication (facultatif)
pub-unconfirmed-help = Le canal n'a pas répondu à temps : la publication est peut-être en ligne. Vérifiez le canal, puis marquez-la comme en ligne ou publiez-la à nouveau.
flash-publication-retried = La publication sera renvoyée maintenant.
flash-publication-confirmed = Marqué comme publié.
banner-publications = { $count ->
    [one] Une publication demande votre attention : elle a échoué ou son canal ne l'a pas confirmée.
   *[other] { $count } publications demandent votre attention : elles ont échoué ou leur canal ne les a pas confirmées.
}
banner-publications-link = Les afficher
publications-title = Publications
publications-none = Rien ici.
publications-channel = Canal
publications-variant = Variante
publications-scheduled = Prévu pour
publications-state = État
error-publication-locked = Cette variante est (peut-être) déjà publiée : elle ne peut plus être déplacée ni retirée du plan.
error-publication-not-retryable = Seules les publications en échec ou non confirmées peuvent être renvoyées.
error-publication-not-confirmable = Seules les publications non confirmées ou en échec peuvent être marquées comme publiées.
error-publication-changed = Quelqu'un d'autre a agi sur cette publication entre-temps. Rechargez la page.
error-url-invalid = Saisissez une adresse commençant par https:// ou http://.
mail-kind-publishing = Quand une publication échoue
mail-publication-failed-subject = Non publié : « { $title } » sur { $channel }
mail-publication-failed-body = Bonjour { $name },
    
    « { $title } » n'a pas pu être publié sur { $channel }.
    
    { $error }
    
    Ouvrez le contenu pour corriger le problème et le publier à nouveau.
mail-publication-unconfirmed-subject = À vérifier : « { $title } » est-il paru sur { $channel } ?
mail-publication-unconfirmed-body = Bonjour { $name },
    
    « { $title } » a été envoyé à { $channel }, mais aucune réponse n'est venue : il est peut-être en ligne, peut-être pas.
    
    { $error }
    
    Vérifiez le canal, puis marquez-le comme en ligne ou publiez-le à nouveau.
nav-jobs = Tâches
jobs-title = Tâches en arrière-plan
jobs-due = Dues et en attente
jobs-running = En cours
jobs-retrying = Nouvelle tentative prévue
jobs-dead = Échec définitif
jobs-kind = Type
jobs-run-at = Exécution à
jobs-attempts = Tentatives
jobs-error = Dernière erreur
jobs-retry = Exécuter maintenant
jobs-cancel = Annuler
jobs-none = Rien ici.
flash-job-retried = La tâche va s'exécuter maintenant.
flash-job-cancelled = La tâche a été annulée.

## Newsletters
newsletter-subscribe-title = S'abonner
newsletter-subscribe-lead = Recevez cette newsletter par e-mail. Nous vous envoyons d'abord un lien de confirmation.
newsletter-subscribe-button = S'abonner
newsletter-subscribe-hint = Chaque newsletter contient un lien de désabonnement.
newsletter-check-mail-title = Consultez votre messagerie
newsletter-check-mail-text = Si l'adresse peut recevoir cette newsletter, un e-mail avec un lien de confirmation est en route. L'abonnement commence quand vous cliquez dessus.
newsletter-confirm-title = Confirmez votre abonnement
newsletter-confirm-text = Un clic, et vous recevez cette newsletter.
newsletter-confirm-button = Confirmer
newsletter-confirmed-title = Abonné
newsletter-confirmed-text = Merci : vous recevrez la prochaine newsletter.
newsletter-unsubscribe-title = Se désabonner
newsletter-unsubscribe-text = Vous ne recevrez plus cette newsletter.
newsletter-unsubscribe-button = Se désabonner
newsletter-unsubscribed-title = Désabonné
newsletter-unsubscribed-text = Vous n'êtes plus sur la liste. Vous pouvez vous réabonner à tout moment.
newsletter-confirm-subject = Veuillez confirmer : { $newsletter }
newsletter-confirm-body = Bonjour,
    
    quelqu'un (vous, nous l'espérons) a demandé à recevoir la newsletter « { $newsletter } » à cette adresse. Pour confirmer, ouvrez ce lien et cliquez sur « Confirmer » :
    
    { $link }
    
    Si ce n'était pas vous, ignorez cet e-mail : rien ne sera envoyé.
newsletter-mail-footer = Vous recevez cette newsletter parce que vous vous y êtes abonné. Se désabonner :
channel-secret-title = Le secret de signature du webhook
channel-secret-text = Pressroom a créé ce secret pour le webhook. Donnez-le au destinataire, qui vérifie chaque envoi avec lui. Il n'est affiché que maintenant.
channel-secret-hint = Perdu ? Collez un nouveau secret (whsec_ et base64) dans les réglages du canal et donnez-le au destinataire.
channel-secret-done = Je l'ai enregistré
error-webhook-secret = Utilisez un secret au format Standard Webhooks : whsec_ suivi de 24 à 64 octets en base64, ou laissez le champ vide pour en obtenir un.

# API tokens on the account page
tokens-title = Jetons d’API
tokens-lead = Les scripts s’en servent pour se connecter. Changer de mot de passe les révoque tous. Créez-en avec pressroom token create (sur le serveur).
token-created = créé
token-last-used = dernier usage
token-never-used = jamais utilisé
token-revoke = Révoquer
tokens-none = Vous n’avez aucun jeton d’API.
flash-token-revoked = Le jeton est révoqué ; les scripts qui l’utilisent sont refusés dès maintenant.
tokens-none-user = Cette personne n’a aucun jeton d’API.

# A person's data
user-data = Données personnelles
user-export = Télécharger tout ce qui est enregistré sur cette personne (JSON)
user-erase = Effacer cette personne
user-erase-text = L’effacement la déconnecte pour de bon et supprime son nom, son adresse, ses jetons, ses flux de calendrier et ses mails. Ses idées et commentaires restent, attribués à un ancien membre. C’est irréversible.
flash-user-erased = La personne est effacée ; ses idées restent, attribuées à un ancien membre.
error-erase-self = Vous ne pouvez pas effacer votre propre compte.
token-expires = expire le

# A newsletter reader's data
subscriber-data = Données d’un lecteur de newsletter
subscriber-data-lead = Télécharger tout ce qui est enregistré pour une adresse, ou l’effacer de toutes les newsletters (ses abonnements prennent fin et l’oublient).
subscriber-export = Télécharger (JSON)
subscriber-erase = Effacer
flash-subscriber-erased = L’adresse est effacée de toutes les newsletters.

# Insights
nav-insights = Analyses
insights-title = Analyses
insights-lead = Ce qui a été publié et ce que cela a rapporté.
insights-period = Période
insights-days = { $n } derniers jours
insights-by = Par
insights-by-channel = Canal
insights-by-department = Département
insights-by-pillar = Pilier ou campagne
insights-by-language = Langue
insights-publications = Publications
insights-clicks = Clics
insights-engagement = Interactions
insights-total = Total
insights-none = Rien n'a été publié pendant cette période.
insights-csv = Télécharger en CSV
insights-explain = Les clics sont ceux de personnes sur des liens suivis (sans les robots) ; les interactions additionnent les chiffres propres des canaux (favoris, partages, réponses ou ce qu'un récepteur signale), tels que lus en dernier.
idea-results = Résultats

nav-inbox = Messages
inbox-title = Messages
inbox-lead = { $open } attendent une réponse, dont { $overdue } en retard. Les plus anciens d'abord.
inbox-state = État
inbox-channel = Canal
inbox-tone = Ton
inbox-mine = Les miennes
inbox-none = Rien ici : aucune conversation ne correspond.
inbox-conversation = Conversation
inbox-received = en attente depuis { $at }
inbox-answered-at = répondu { $at }
inbox-answers-publication = En réponse à notre publication :
inbox-our-reply = Notre réponse
inbox-internal-note = Note interne
inbox-open-original = Ouvrir l'original
inbox-boosted = Partagé sur le canal.
inbox-boost = Partager sur notre canal
inbox-reply = Réponse
inbox-reply-hint = Part comme réponse sur le canal, en commençant par le nom de la personne ; { $limit } caractères au plus.
inbox-send-reply = Envoyer la réponse
inbox-note-label = Seule l'équipe voit ceci
inbox-add-note = Ajouter la note
inbox-correct-tone = Corriger
inbox-tone-by-person = Fixé par une personne.
inbox-tone-by-scorer = Deviné d'après les mots ; corrigez-le s'il est faux.
inbox-to-idea = En faire une idée
inbox-open-idea = Ouvrir l'idée qui en est née
inbox-make-idea = Soumettre comme idée
inbox-due-in = réponse attendue dans { $time }
inbox-overdue = en retard de { $time }
inbox-state-open = Ouverte
inbox-state-answered = Répondue
inbox-state-no_reply = Pas de réponse nécessaire
inbox-state-closed = Fermée
inbox-move-open = Rouvrir
inbox-move-answered = Répondue ailleurs
inbox-move-no_reply = Pas de réponse nécessaire
inbox-move-closed = Fermer
inbox-tone-positive = Positif
inbox-tone-neutral = Neutre
inbox-tone-negative = Négatif
inbox-send-pending = envoi…
inbox-send-sent = envoyée
inbox-send-unconfirmed = envoyée, mais non confirmée : vérifiez sur le canal
inbox-send-failed = non envoyée
flash-reply-queued = Votre réponse est en route.
flash-note-added = Note ajoutée.
flash-conversation-moved = Conversation mise à jour.
flash-conversation-assigned = Responsable enregistré.
flash-tone-corrected = Ton corrigé.
flash-idea-from-conversation = La conversation est devenue une idée.
flash-boost-queued = Le partage est en route.
error-inbox-cannot-reply = On ne peut pas répondre à cette conversation depuis Pressroom.
error-inbox-not-from-here = La conversation ne peut pas aller là depuis son état actuel.
error-inbox-cannot-boost = Seul un message Mastodon peut être partagé.
error-sentiment-unknown = Le ton est positif, neutre ou négatif.
error-hours = Les heures de travail s'écrivent 08:00-18:00.
error-switch = Choisissez activé ou désactivé.
channel-field-answer-minutes = Répondre dans les (minutes, 60 par défaut)
channel-field-answer-hours = Compter le délai de réponse seulement pendant les heures de travail, lu–ve (p. ex. 08:00-18:00 ; vide : jour et nuit)
channel-field-inbox-minutes = Chercher de nouvelles mentions toutes les … minutes (1 par défaut)
mail-kind-inbox = Quand une conversation approche de son délai de réponse
mail-inbox-due-subject = Une réponse sur { $channel } est attendue dans { $minutes } minutes
mail-inbox-due-body = Bonjour { $name },
    
    une conversation sur { $channel } attend une réponse ; elle est attendue dans { $minutes } minutes.
insights-answer-times = Temps de réponse des messages
insights-answers = Réponses
insights-within-target = Dans le délai
insights-by-person = Personne
insights-answer-explain = Du premier message sans réponse à l'envoi de notre réponse ; p50 et p90 : la moitié et neuf réponses sur dix ont pris au plus ce temps.
insights-no-answers = Aucune réponse depuis les messages pendant cette période.
banner-inbox = { $open ->
    [one] Une conversation attend une réponse
   *[other] { $open } conversations attendent une réponse
  }{ $overdue ->
    [0] .
   *[other] , dont { $overdue } en retard.
  }
banner-inbox-link = Ouvrir les messages
insights-from = Du
insights-to = Au
insights-range-hint = Choisissez une période, ou une plage de jours (du, au, dans votre fuseau horaire), qui compte alors à sa place.
insights-bad-range = Cette plage ne peut pas être affichée : indiquez les deux jours, le premier au plus tard le dernier, trois ans d'écart au plus. La période est affichée à la place.
insights-top = Contenus qui ont rapporté le plus
insights-bottom = Contenus qui ont rapporté le moins
insights-bottom-none = Moins de six contenus sont parus : ils figurent tous ci-dessus.
insights-piece = Contenu
insights-funnel = De l'idée à l'attention, par département
insights-handed-in = Soumises
insights-approved = Approuvées
insights-published-ideas = Idées publiées
insights-per-publication = Clics et interactions par publication
insights-lead-time = De la soumission à la première publication (médiane)
insights-funnel-explain = Idées soumises et approuvées pendant la période, idées publiées pendant celle-ci, et les jours entre la première soumission d'une idée et sa première publication.
targets-title = Objectifs de ce mois
targets-what = Canal ou département
targets-metric = Mesure
targets-actual = Jusqu'ici
targets-amount = Objectif
targets-progress = Avancement
targets-month = Mois
targets-set = Fixer l'objectif
targets-remove = Supprimer
targets-none = Pas encore d'objectifs pour ce mois : fixez-en un ci-dessous.
targets-expected = { $n } attendus à ce stade
target-reached = Atteint
target-on_track = En bonne voie
target-behind = En retard
target-missed = Manqué
target-upcoming = Pas commencé
flash-target-set = Objectif enregistré.
flash-target-removed = Objectif supprimé.
error-target-scope = Choisissez un canal ou un département.
error-target-metric = Choisissez publications, clics ou interactions.
error-target-month = Un mois comme 2026-11.
error-target-amount = Un nombre entier à partir de 1.
home-results = Ce que vos idées ont rapporté
home-results-idea = Idée (dernière publication)
inbox-more = Les { $shown } plus urgentes sur { $open } sont affichées ; filtrez par canal, responsable ou ton pour les autres.
