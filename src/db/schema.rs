//! Table definitions shared by both backends; a test checks both migration sets produce them.

diesel::table! {
    departments (id) {
        id -> BigInt,
        name -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    users (id) {
        id -> BigInt,
        email -> Text,
        name -> Text,
        password_hash -> Text,
        role -> Text,
        department_id -> Nullable<BigInt>,
        timezone -> Text,
        locale -> Text,
        created_at -> Timestamp,
        disabled_at -> Nullable<Timestamp>,
        mail_off -> Text,
    }
}

diesel::table! {
    sessions (id_hash) {
        id_hash -> Text,
        user_id -> BigInt,
        created_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    api_tokens (id) {
        id -> BigInt,
        user_id -> BigInt,
        label -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
        expires_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        at -> Timestamp,
        actor_id -> Nullable<BigInt>,
        action -> Text,
        target -> Text,
        ip -> Text,
    }
}

diesel::table! {
    login_failures (id) {
        id -> BigInt,
        email -> Text,
        ip -> Text,
        at -> Timestamp,
    }
}

diesel::table! {
    reference_version (id) {
        id -> BigInt,
        n -> BigInt,
    }
}

diesel::table! {
    content_version (id) {
        id -> BigInt,
        n -> BigInt,
    }
}

diesel::table! {
    settings (key) {
        key -> Text,
        value -> Text,
    }
}

diesel::table! {
    channels (id) {
        id -> BigInt,
        name -> Text,
        kind -> Text,
        created_at -> Timestamp,
        config -> Text,
        secrets -> Text,
        secrets_set -> Text,
        several_per_slot -> Bool,
        paused_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    channel_schedules (id) {
        id -> BigInt,
        channel_id -> BigInt,
        cron -> Text,
        timezone -> Text,
    }
}

diesel::table! {
    ideas (id) {
        id -> BigInt,
        title -> Text,
        pitch -> Text,
        department_id -> BigInt,
        audience -> Text,
        pillar -> Text,
        wished_date -> Nullable<Date>,
        links -> Text,
        state -> Text,
        version -> BigInt,
        submitter_id -> BigInt,
        assignee_id -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        tag_list -> Text,
    }
}

diesel::table! {
    conversation_counts (state) {
        state -> Text,
        n -> BigInt,
    }
}

diesel::table! {
    open_due_hours (due_hour) {
        due_hour -> BigInt,
        n -> BigInt,
    }
}

diesel::table! {
    idea_counts (state, department_id, pillar) {
        state -> Text,
        department_id -> BigInt,
        pillar -> Text,
        n -> BigInt,
    }
}

diesel::table! {
    idea_tag_counts (tag, state, department_id, pillar) {
        tag -> Text,
        state -> Text,
        department_id -> BigInt,
        pillar -> Text,
        n -> BigInt,
    }
}

diesel::table! {
    idea_tags (idea_id, tag) {
        idea_id -> BigInt,
        position -> Integer,
        tag -> Text,
        state -> Text,
        pillar -> Text,
    }
}

diesel::table! {
    idea_channels (idea_id, channel_id) {
        idea_id -> BigInt,
        position -> Integer,
        channel_id -> BigInt,
    }
}

diesel::table! {
    idea_languages (idea_id, language) {
        idea_id -> BigInt,
        position -> Integer,
        language -> Text,
        state -> Text,
    }
}

diesel::table! {
    idea_events (id) {
        id -> BigInt,
        idea_id -> BigInt,
        actor_id -> Nullable<BigInt>,
        at -> Timestamp,
        kind -> Text,
        from_state -> Nullable<Text>,
        to_state -> Nullable<Text>,
        comment -> Text,
        changes -> Text,
        department_id -> Nullable<BigInt>,
        previous_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    mail_outbox (id) {
        id -> BigInt,
        to_email -> Text,
        subject -> Text,
        body -> Text,
        created_at -> Timestamp,
        next_attempt_at -> Timestamp,
        attempts -> Integer,
        sent_at -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
    }
}

diesel::table! {
    content_pieces (id) {
        id -> BigInt,
        idea_id -> BigInt,
        title -> Text,
        body -> Text,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    variants (id) {
        id -> BigInt,
        content_id -> BigInt,
        channel_id -> BigInt,
        language -> Text,
        text -> Text,
        link -> Text,
        subject -> Text,
        preheader -> Text,
        images -> Text,
        scheduled_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    calendar_feeds (id) {
        id -> BigInt,
        user_id -> BigInt,
        secret_hash -> Text,
        channel_id -> Nullable<BigInt>,
        created_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    jobs (id) {
        id -> BigInt,
        kind -> Text,
        payload -> Text,
        unique_key -> Nullable<Text>,
        state -> Text,
        run_at -> Timestamp,
        attempts -> Integer,
        max_attempts -> Integer,
        locked_by -> Nullable<Text>,
        locked_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        finished_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    publications (id) {
        id -> BigInt,
        variant_id -> BigInt,
        channel_id -> BigInt,
        state -> Text,
        idempotency_key -> Text,
        scheduled_at -> Timestamp,
        attempts -> Integer,
        next_retry_at -> Nullable<Timestamp>,
        external_id -> Nullable<Text>,
        url -> Nullable<Text>,
        last_error -> Nullable<Text>,
        published_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        clicks -> BigInt,
        engagement -> BigInt,
        content_id -> Nullable<BigInt>,
        idea_id -> Nullable<BigInt>,
        department_id -> Nullable<BigInt>,
        pillar -> Nullable<Text>,
        language -> Nullable<Text>,
        handed_in_at -> Nullable<Timestamp>,
        lead_secs -> Nullable<BigInt>,
    }
}

diesel::table! {
    publication_attempts (id) {
        id -> BigInt,
        publication_id -> BigInt,
        at -> Timestamp,
        outcome -> Text,
        http_status -> Nullable<Integer>,
        error -> Nullable<Text>,
        duration_ms -> BigInt,
    }
}

diesel::table! {
    subscribers (id) {
        id -> BigInt,
        channel_id -> BigInt,
        email -> Text,
        language -> Text,
        state -> Text,
        created_at -> Timestamp,
        confirmation_sent_at -> Nullable<Timestamp>,
        confirmed_at -> Nullable<Timestamp>,
        unsubscribed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    newsletter_deliveries (id) {
        id -> BigInt,
        publication_id -> BigInt,
        subscriber_id -> BigInt,
        sent_at -> Nullable<Timestamp>,
        error -> Nullable<Text>,
        opened_at -> Nullable<Timestamp>,
        opens -> Integer,
    }
}

diesel::table! {
    tracked_links (id) {
        id -> BigInt,
        code -> Text,
        publication_id -> BigInt,
        url -> Text,
        target -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    link_clicks (id) {
        id -> BigInt,
        link_id -> BigInt,
        clicked_at -> Timestamp,
        bot -> Bool,
        visitor -> Nullable<Text>,
    }
}

diesel::table! {
    publication_metrics (id) {
        id -> BigInt,
        publication_id -> BigInt,
        at -> Timestamp,
        name -> Text,
        value -> BigInt,
    }
}

diesel::table! {
    visitor_salts (day) {
        day -> Date,
        salt -> Text,
    }
}

diesel::table! {
    conversations (id) {
        id -> BigInt,
        channel_id -> BigInt,
        thread_key -> Text,
        publication_id -> Nullable<BigInt>,
        state -> Text,
        sentiment -> Text,
        sentiment_set_by -> Nullable<BigInt>,
        assignee_id -> Nullable<BigInt>,
        received_at -> Timestamp,
        due_at -> Timestamp,
        alerted_at -> Nullable<Timestamp>,
        answered_at -> Nullable<Timestamp>,
        last_message_at -> Timestamp,
        idea_id -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        head_author -> Text,
        head_author_name -> Text,
        head_text -> Text,
        incoming -> BigInt,
    }
}

diesel::table! {
    inbox_messages (id) {
        id -> BigInt,
        conversation_id -> BigInt,
        channel_id -> BigInt,
        kind -> Text,
        external_id -> Nullable<Text>,
        in_reply_to -> Nullable<Text>,
        author -> Text,
        author_name -> Text,
        author_url -> Nullable<Text>,
        user_id -> Nullable<BigInt>,
        text -> Text,
        url -> Nullable<Text>,
        visibility -> Nullable<Text>,
        sentiment -> Nullable<Text>,
        idempotency_key -> Nullable<Text>,
        send_state -> Nullable<Text>,
        error -> Nullable<Text>,
        clock_from -> Nullable<Timestamp>,
        clock_due -> Nullable<Timestamp>,
        boosted_at -> Nullable<Timestamp>,
        at -> Timestamp,
        created_at -> Timestamp,
    }
}

diesel::table! {
    inbox_cursors (channel_id) {
        channel_id -> BigInt,
        since_id -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    targets (id) {
        id -> BigInt,
        scope -> Text,
        scope_id -> BigInt,
        metric -> Text,
        month -> Date,
        amount -> BigInt,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(users -> departments (department_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(api_tokens -> users (user_id));
diesel::joinable!(audit_log -> users (actor_id));
diesel::joinable!(ideas -> departments (department_id));
diesel::joinable!(channel_schedules -> channels (channel_id));
diesel::joinable!(content_pieces -> ideas (idea_id));
diesel::joinable!(variants -> content_pieces (content_id));
diesel::joinable!(variants -> channels (channel_id));
diesel::joinable!(calendar_feeds -> users (user_id));
diesel::joinable!(idea_events -> ideas (idea_id));
diesel::joinable!(idea_tags -> ideas (idea_id));
diesel::joinable!(idea_channels -> ideas (idea_id));
diesel::joinable!(idea_languages -> ideas (idea_id));
diesel::joinable!(idea_events -> users (actor_id));
diesel::joinable!(publications -> variants (variant_id));
diesel::joinable!(publications -> channels (channel_id));
diesel::joinable!(publication_attempts -> publications (publication_id));
diesel::joinable!(subscribers -> channels (channel_id));
diesel::joinable!(newsletter_deliveries -> publications (publication_id));
diesel::joinable!(newsletter_deliveries -> subscribers (subscriber_id));

diesel::joinable!(tracked_links -> publications (publication_id));
diesel::joinable!(link_clicks -> tracked_links (link_id));
diesel::joinable!(publication_metrics -> publications (publication_id));
diesel::joinable!(conversations -> channels (channel_id));
diesel::joinable!(inbox_messages -> conversations (conversation_id));

diesel::allow_tables_to_appear_in_same_query!(
    departments,
    users,
    sessions,
    api_tokens,
    audit_log,
    login_failures,
    settings,
    reference_version,
    content_version,
    channels,
    ideas,
    idea_counts,
    idea_tag_counts,
    idea_tags,
    idea_channels,
    idea_languages,
    idea_events,
    mail_outbox,
    channel_schedules,
    content_pieces,
    variants,
    calendar_feeds,
    jobs,
    publications,
    publication_attempts,
    subscribers,
    newsletter_deliveries,
    tracked_links,
    link_clicks,
    visitor_salts,
    publication_metrics,
    conversations,
    conversation_counts,
    open_due_hours,
    inbox_messages,
    inbox_cursors,
    targets,
);
