//! One schema for every backend, kept by hand (see diesel.toml). The migrations under
//! `migrations/{sqlite,postgres}` must agree with it.

diesel::table! {
    companies (id) {
        id -> BigInt,
        slug -> Text,
        name -> Text,
        website -> Nullable<Text>,
        city -> Nullable<Text>,
        country_code -> Nullable<Text>,
        size -> Nullable<Text>,
        original_locale -> Text,
        description -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        text_updated_at -> Nullable<Timestamp>,
        contact_email -> Nullable<Text>,
        logo_key -> Nullable<Text>,
        logo_versions -> Bool,
        place_id -> Nullable<BigInt>,
        street_address -> Nullable<Text>,
        latitude -> Nullable<Double>,
        longitude -> Nullable<Double>,
        /// Signed up from the public site and not yet approved by the board's staff.
        awaiting_approval -> Bool,
        /// Trusted: its recruiters' postings go live without review.
        auto_publish -> Bool,
    }
}

diesel::table! {
    company_translations (id) {
        id -> BigInt,
        company_id -> BigInt,
        locale -> Text,
        description -> Text,
        source_updated_at -> Timestamp,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    jobs (id) {
        id -> BigInt,
        slug -> Text,
        company_id -> BigInt,
        status -> Text,
        original_locale -> Text,
        title -> Text,
        summary -> Text,
        responsibilities -> Text,
        requirements -> Text,
        benefits -> Text,
        workplace -> Text,
        employment_type -> Text,
        seniority -> Text,
        city -> Nullable<Text>,
        country_code -> Nullable<Text>,
        latitude -> Nullable<Double>,
        longitude -> Nullable<Double>,
        remote_countries -> Text,
        salary_min -> Nullable<BigInt>,
        salary_max -> Nullable<BigInt>,
        salary_currency -> Nullable<Text>,
        salary_period -> Nullable<Text>,
        published_at -> Nullable<Timestamp>,
        valid_through -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        text_updated_at -> Nullable<Timestamp>,
        company_name -> Text,
        cover_letter -> Text,
        place_id -> Nullable<BigInt>,
        street_address -> Nullable<Text>,
    }
}

diesel::table! {
    job_translations (id) {
        id -> BigInt,
        job_id -> BigInt,
        locale -> Text,
        title -> Text,
        summary -> Text,
        responsibilities -> Text,
        requirements -> Text,
        benefits -> Text,
        source_updated_at -> Timestamp,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    skills (id) {
        id -> BigInt,
        slug -> Text,
        name -> Text,
        created_at -> Timestamp,
        original_locale -> Text,
        text_updated_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    skill_translations (id) {
        id -> BigInt,
        skill_id -> BigInt,
        locale -> Text,
        name -> Text,
        source_updated_at -> Timestamp,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    job_skills (job_id, skill_id) {
        job_id -> BigInt,
        skill_id -> BigInt,
        position -> Integer,
    }
}

diesel::table! {
    applications (id) {
        id -> BigInt,
        job_id -> BigInt,
        name -> Text,
        email -> Text,
        phone -> Nullable<Text>,
        cover_letter -> Text,
        locale -> Text,
        status -> Text,
        consent_at -> Timestamp,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        reviewing_at -> Nullable<Timestamp>,
        interview_at -> Nullable<Timestamp>,
        offer_at -> Nullable<Timestamp>,
        hired_at -> Nullable<Timestamp>,
        rejected_at -> Nullable<Timestamp>,
        withdrawn_at -> Nullable<Timestamp>,
        rejection_reason -> Nullable<Text>,
        cv_key -> Nullable<Text>,
        cv_name -> Nullable<Text>,
        cv_type -> Nullable<Text>,
        cv_size -> Nullable<BigInt>,
    }
}

diesel::table! {
    admin_users (id) {
        id -> BigInt,
        email -> Text,
        password_hash -> Text,
        role -> Text,
        locale -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        name -> Text,
        failed_logins -> Integer,
        locked_until -> Nullable<Timestamp>,
        last_login_at -> Nullable<Timestamp>,
        password_token_hash -> Nullable<Text>,
        password_token_expires_at -> Nullable<Timestamp>,
        totp_secret -> Nullable<Text>,
        totp_last_step -> Nullable<BigInt>,
        totp_enabled_at -> Nullable<Timestamp>,
        /// Signed up from the public site and not yet confirmed by the mailed link.
        email_unverified -> Bool,
    }
}

diesel::table! {
    api_tokens (id) {
        id -> BigInt,
        name -> Text,
        prefix -> Text,
        digest -> Text,
        scopes -> Text,
        company_id -> Nullable<BigInt>,
        expires_at -> Nullable<Timestamp>,
        last_used_at -> Nullable<Timestamp>,
        last_used_from -> Nullable<Text>,
        revoked_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        created_by -> Nullable<BigInt>,
        moderated -> Bool,
    }
}

diesel::table! {
    idempotency_keys (id) {
        id -> BigInt,
        token_id -> BigInt,
        idempotency_key -> Text,
        digest -> Text,
        status -> Nullable<Integer>,
        location -> Nullable<Text>,
        body -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    admin_recovery_codes (id) {
        id -> BigInt,
        admin_user_id -> BigInt,
        code_hash -> Text,
        used_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    admin_sessions (id) {
        id -> Text,
        admin_user_id -> BigInt,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
        expires_at -> Timestamp,
        ip -> Nullable<Text>,
        user_agent -> Nullable<Text>,
    }
}

diesel::table! {
    rate_limits (bucket, client, window_start) {
        bucket -> Text,
        client -> Text,
        window_start -> BigInt,
        hits -> Integer,
    }
}

diesel::table! {
    admin_comments (id) {
        id -> BigInt,
        resource -> Text,
        record_id -> BigInt,
        admin_user_id -> Nullable<BigInt>,
        body -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        admin_user_id -> Nullable<BigInt>,
        actor -> Text,
        action -> Text,
        resource -> Text,
        record_id -> BigInt,
        record_label -> Text,
        changes -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    admin_saved_views (id) {
        id -> BigInt,
        admin_user_id -> BigInt,
        resource -> Text,
        name -> Text,
        query -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    tasks (id) {
        id -> BigInt,
        kind -> Text,
        queue -> Text,
        priority -> Integer,
        args -> Text,
        state -> Text,
        run_at -> Timestamp,
        attempts -> Integer,
        max_attempts -> Integer,
        dedup_key -> Nullable<Text>,
        lease_token -> Nullable<Text>,
        lease_expires_at -> Nullable<Timestamp>,
        worker -> Nullable<Text>,
        last_error -> Nullable<Text>,
        errors -> Text,
        created_at -> Timestamp,
        started_at -> Nullable<Timestamp>,
        finished_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    events (id) {
        id -> BigInt,
        kind -> Text,
        subject_id -> BigInt,
        payload -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    job_alerts (id) {
        id -> BigInt,
        email -> Text,
        query -> Text,
        frequency -> Text,
        locale -> Text,
        confirmed_at -> Nullable<Timestamp>,
        unsubscribed_at -> Nullable<Timestamp>,
        confirm_sent_at -> Nullable<Timestamp>,
        checked_at -> Nullable<Timestamp>,
        last_sent_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    alert_sent (alert_id, job_id) {
        alert_id -> BigInt,
        job_id -> BigInt,
        sent_at -> Timestamp,
    }
}

diesel::table! {
    webhook_endpoints (id) {
        id -> BigInt,
        url -> Text,
        description -> Text,
        events -> Text,
        secret -> Text,
        enabled -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        previous_secret -> Nullable<Text>,
        previous_secret_expires_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    webhook_deliveries (id) {
        id -> BigInt,
        endpoint_id -> BigInt,
        event_id -> BigInt,
        attempt -> Integer,
        status_code -> Nullable<Integer>,
        duration_ms -> Integer,
        error -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    outbox_messages (id) {
        id -> BigInt,
        task_id -> Nullable<BigInt>,
        kind -> Text,
        to_address -> Text,
        subject -> Text,
        text_body -> Text,
        html_body -> Text,
        headers -> Text,
        locale -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    task_schedules (name) {
        name -> Text,
        cron -> Text,
        enabled -> Bool,
        last_run_at -> Nullable<Timestamp>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    search_state (id) {
        id -> Integer,
        version -> BigInt,
        places_version -> BigInt,
        full_version -> BigInt,
    }
}

diesel::table! {
    search_changes (job_id) {
        job_id -> BigInt,
        version -> BigInt,
    }
}

diesel::table! {
    places (id) {
        id -> BigInt,
        geonames_id -> Nullable<BigInt>,
        name -> Text,
        name_key -> Text,
        original_locale -> Text,
        country_code -> Text,
        latitude -> Double,
        longitude -> Double,
        population -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        text_updated_at -> Timestamp,
    }
}

diesel::table! {
    place_translations (id) {
        id -> BigInt,
        place_id -> BigInt,
        locale -> Text,
        name -> Text,
        name_key -> Text,
        source_updated_at -> Timestamp,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::joinable!(company_translations -> companies (company_id));
diesel::joinable!(place_translations -> places (place_id));
diesel::joinable!(skill_translations -> skills (skill_id));
diesel::joinable!(jobs -> places (place_id));
diesel::joinable!(jobs -> companies (company_id));
diesel::joinable!(job_translations -> jobs (job_id));
diesel::joinable!(job_skills -> jobs (job_id));
diesel::joinable!(job_skills -> skills (skill_id));
diesel::joinable!(applications -> jobs (job_id));
diesel::joinable!(admin_sessions -> admin_users (admin_user_id));
diesel::joinable!(admin_comments -> admin_users (admin_user_id));
diesel::joinable!(audit_log -> admin_users (admin_user_id));
diesel::joinable!(webhook_deliveries -> webhook_endpoints (endpoint_id));
diesel::joinable!(alert_sent -> job_alerts (alert_id));
diesel::joinable!(alert_sent -> jobs (job_id));
diesel::table! {
    message_overrides (id) {
        id -> BigInt,
        locale -> Text,
        message_id -> Text,
        source -> Text,
        admin_user_id -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    message_sources (id) {
        id -> BigInt,
        locale -> Text,
        hashes -> Text,
        updated_at -> Timestamp,
    }
}

diesel::joinable!(admin_saved_views -> admin_users (admin_user_id));

diesel::joinable!(admin_recovery_codes -> admin_users (admin_user_id));
diesel::joinable!(api_tokens -> companies (company_id));
diesel::joinable!(idempotency_keys -> api_tokens (token_id));

diesel::table! {
    import_refs (id) {
        id -> BigInt,
        resource -> Text,
        source -> Text,
        reference -> Text,
        record_id -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    imports (id) {
        id -> BigInt,
        resource -> Text,
        admin_user_id -> Nullable<BigInt>,
        file_name -> Text,
        file_key -> Text,
        encoding -> Nullable<Text>,
        headers -> Text,
        mapping -> Text,
        mode -> Text,
        status -> Text,
        rows_total -> BigInt,
        rows_done -> BigInt,
        created_count -> BigInt,
        updated_count -> BigInt,
        unchanged_count -> BigInt,
        failed_count -> BigInt,
        companies_created -> BigInt,
        create_companies -> Bool,
        failures -> Text,
        failures_key -> Nullable<Text>,
        error -> Nullable<Text>,
        committed -> Bool,
        started_at -> Nullable<Timestamp>,
        finished_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::joinable!(imports -> admin_users (admin_user_id));

diesel::table! {
    feed_sources (id) {
        id -> BigInt,
        company_id -> BigInt,
        url -> Text,
        format -> Text,
        locale -> Text,
        every_hours -> Integer,
        publish -> Bool,
        enabled -> Bool,
        next_run_at -> Timestamp,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    feed_runs (id) {
        id -> BigInt,
        source_id -> BigInt,
        started_at -> Timestamp,
        duration_ms -> Integer,
        ok -> Bool,
        postings -> Integer,
        created_count -> Integer,
        updated_count -> Integer,
        unchanged_count -> Integer,
        closed_count -> Integer,
        failed_count -> Integer,
        error -> Nullable<Text>,
        failures -> Text,
    }
}

diesel::table! {
    indexing_cursor (id) {
        id -> Integer,
        last_event_id -> BigInt,
    }
}

diesel::joinable!(feed_sources -> companies (company_id));
diesel::joinable!(feed_runs -> feed_sources (source_id));

diesel::table! {
    /// Which companies a recruiter works for (see `admin::resources::company_scope`).
    company_members (id) {
        id -> BigInt,
        admin_user_id -> BigInt,
        company_id -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// Each time a recruiter's posting was sent for review, and what the staff decided.
    job_reviews (id) {
        id -> BigInt,
        job_id -> BigInt,
        submitted_by -> Nullable<BigInt>,
        submitted_at -> Timestamp,
        snapshot -> Text,
        decision -> Nullable<Text>,
        decided_by -> Nullable<BigInt>,
        decided_at -> Nullable<Timestamp>,
        reason -> Nullable<Text>,
    }
}

diesel::table! {
    /// Each expiry reminder mailed: for which posting, how many days ahead, of which date.
    posting_reminders (id) {
        id -> BigInt,
        job_id -> BigInt,
        days_before -> Integer,
        valid_through -> Timestamp,
        sent_at -> Timestamp,
    }
}

diesel::table! {
    /// Per posting and day: what its public life counted (src/analytics/).
    posting_stats (id) {
        id -> BigInt,
        job_id -> BigInt,
        day -> Timestamp,
        views -> BigInt,
        search_appearances -> BigInt,
        alert_appearances -> BigInt,
        apply_clicks -> BigInt,
        applications -> BigInt,
    }
}

diesel::table! {
    /// The register of applicants' access and erasure requests (src/privacy/).
    data_requests (id) {
        id -> BigInt,
        kind -> Text,
        origin -> Text,
        subject -> Text,
        application_count -> Integer,
        application_id -> Nullable<BigInt>,
        locale -> Text,
        requested_at -> Timestamp,
        expires_at -> Nullable<Timestamp>,
        downloaded_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(job_reviews -> jobs (job_id));
diesel::joinable!(posting_stats -> jobs (job_id));
diesel::joinable!(posting_reminders -> jobs (job_id));
diesel::joinable!(company_members -> admin_users (admin_user_id));
diesel::joinable!(company_members -> companies (company_id));

diesel::allow_tables_to_appear_in_same_query!(
    data_requests,
    job_reviews,
    posting_reminders,
    posting_stats,
    company_members,
    feed_sources,
    feed_runs,
    imports,
    import_refs,
    message_overrides,
    message_sources,
    admin_recovery_codes,
    api_tokens,
    idempotency_keys,
    companies,
    company_translations,
    jobs,
    job_translations,
    skills,
    job_skills,
    applications,
    admin_users,
    admin_sessions,
    admin_comments,
    audit_log,
    admin_saved_views,
    search_state,
    search_changes,
    places,
    place_translations,
    skill_translations,
    webhook_endpoints,
    webhook_deliveries,
    job_alerts,
    alert_sent,
    events,
    tasks,
    task_schedules,
    outbox_messages,
);
