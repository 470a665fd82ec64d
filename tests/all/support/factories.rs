//! Factories for test data, in the spirit of FactoryBot: valid defaults, a sequence for unique
//! values, and builder methods for whatever a test cares about.

use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{NaiveDateTime, TimeDelta};
use hireboard::db::DbConn;
use hireboard::i18n::Locale;
use hireboard::models::AdminRole;
use hireboard::models::alert::Alert;
use hireboard::models::api_token::{NewToken, Scope};
use hireboard::models::application::Application;
use hireboard::models::company::{Company, NewCompany};
use hireboard::models::job::{Job, JobDraft, JobText};
use hireboard::models::{EmploymentType, JobStatus, SalaryPeriod, Seniority, Workplace};

static SEQUENCE: AtomicUsize = AtomicUsize::new(1);

fn next() -> usize {
    SEQUENCE.fetch_add(1, Ordering::Relaxed)
}

pub struct CompanyFactory {
    new: NewCompany,
    translations: Vec<(Locale, String)>,
}

impl CompanyFactory {
    pub fn new() -> CompanyFactory {
        let n = next();
        let now = hireboard::db::now();
        CompanyFactory {
            new: NewCompany {
                slug: format!("company-{n}"),
                name: format!("Company {n}"),
                website: Some(format!("https://company-{n}.example")),
                city: Some("Berlin".into()),
                country_code: Some("DE".into()),
                size: Some("51-200".into()),
                original_locale: "en".into(),
                description: format!("Company {n} builds useful things."),
                created_at: now,
                updated_at: now,
                text_updated_at: Some(now),
                contact_email: Some(format!("hiring@company-{n}.example")),
                street_address: None,
                latitude: None,
                longitude: None,
            },
            translations: Vec::new(),
        }
    }

    pub fn name(mut self, name: &str) -> Self {
        self.new.name = name.into();
        self.new.slug = hireboard::models::slugify(name);
        self
    }

    pub fn original(mut self, locale: Locale, description: &str) -> Self {
        self.new.original_locale = locale.as_str().into();
        self.new.description = description.into();
        self
    }

    pub fn translation(mut self, locale: Locale, description: &str) -> Self {
        self.translations.push((locale, description.into()));
        self
    }

    /// A street address (in the factory's Berlin) and its point.
    pub fn street(mut self, address: &str, point: (f64, f64)) -> Self {
        self.new.street_address = Some(address.into());
        (self.new.latitude, self.new.longitude) = (Some(point.0), Some(point.1));
        self
    }

    pub fn create(self, conn: &mut DbConn) -> Company {
        let id = Company::create(conn, &self.new, &self.translations).expect("create company");
        let company = Company::find_by_slug(conn, &self.new.slug)
            .expect("load company")
            .expect("company exists");
        assert_eq!(company.id, id);
        company
    }
}

pub struct JobFactory {
    draft: JobDraft,
    company_name: String,
}

pub fn text(title: &str) -> JobText {
    JobText {
        title: title.into(),
        summary: format!("{title}: a role on a friendly team."),
        responsibilities: "Build features\nReview code".into(),
        requirements: "Three years of experience\nGood communication".into(),
        benefits: "Flexible hours\nLearning budget".into(),
    }
}

impl JobFactory {
    pub fn new(company: &Company) -> JobFactory {
        let n = next();
        let now = hireboard::db::now();
        let title = format!("Engineer {n}");
        JobFactory {
            company_name: company.name.clone(),
            draft: JobDraft {
                slug: format!("engineer-{n}"),
                company_id: company.id,
                status: JobStatus::Published,
                original_locale: Locale::EN,
                text: text(&title),
                translations: Vec::new(),
                workplace: Workplace::Onsite,
                employment_type: EmploymentType::FullTime,
                seniority: Seniority::Mid,
                city: Some("Berlin".into()),
                country_code: Some("DE".into()),
                street_address: None,
                latitude: Some(52.52),
                longitude: Some(13.405),
                remote_countries: Vec::new(),
                salary_min: Some(50_000),
                salary_max: Some(70_000),
                salary_currency: Some("EUR".into()),
                salary_period: Some(SalaryPeriod::Year),
                published_at: Some(now - TimeDelta::minutes(n as i64)),
                valid_through: Some(now + TimeDelta::days(30)),
                skills: Vec::new(),
                created_at: now - TimeDelta::minutes(n as i64),
                cover_letter: hireboard::models::CoverLetter::Optional,
            },
        }
    }

    pub fn title(mut self, title: &str) -> Self {
        self.draft.text = text(title);
        self.draft.slug = format!("{}-{}", hireboard::models::slugify(title), next());
        self
    }
    pub fn summary(mut self, summary: &str) -> Self {
        self.draft.text.summary = summary.into();
        self
    }
    pub fn original(mut self, locale: Locale, text: JobText) -> Self {
        self.draft.original_locale = locale;
        self.draft.text = text;
        self
    }
    pub fn translation(mut self, locale: Locale, text: JobText) -> Self {
        self.draft.translations.push((locale, text));
        self
    }
    pub fn status(mut self, status: JobStatus) -> Self {
        self.draft.status = status;
        if status == JobStatus::Draft {
            self.draft.published_at = None;
        }
        self
    }
    pub fn workplace(mut self, workplace: Workplace) -> Self {
        self.draft.workplace = workplace;
        self
    }
    pub fn remote_countries(mut self, countries: &[&str]) -> Self {
        self.draft.workplace = Workplace::Remote;
        self.draft.remote_countries = countries.iter().map(|c| c.to_string()).collect();
        self
    }
    pub fn employment_type(mut self, t: EmploymentType) -> Self {
        self.draft.employment_type = t;
        self
    }
    pub fn seniority(mut self, s: Seniority) -> Self {
        self.draft.seniority = s;
        self
    }
    pub fn location(mut self, city: &str, country: &str) -> Self {
        self.draft.city = Some(city.into());
        self.draft.country_code = Some(country.into());
        self
    }
    /// A street address (its point is `at`'s).
    pub fn street(mut self, address: &str) -> Self {
        self.draft.street_address = Some(address.into());
        self
    }

    pub fn cover_letter(mut self, rule: hireboard::models::CoverLetter) -> Self {
        self.draft.cover_letter = rule;
        self
    }
    /// The posting's coordinates (`None`: it has none).
    pub fn at(mut self, point: Option<(f64, f64)>) -> Self {
        self.draft.latitude = point.map(|p| p.0);
        self.draft.longitude = point.map(|p| p.1);
        self
    }
    pub fn salary(
        mut self,
        min: Option<i64>,
        max: Option<i64>,
        currency: &str,
        period: SalaryPeriod,
    ) -> Self {
        self.draft.salary_min = min;
        self.draft.salary_max = max;
        self.draft.salary_currency = Some(currency.into());
        self.draft.salary_period = Some(period);
        self
    }
    pub fn no_salary(mut self) -> Self {
        self.draft.salary_min = None;
        self.draft.salary_max = None;
        self.draft.salary_currency = None;
        self.draft.salary_period = None;
        self
    }
    pub fn skills(mut self, skills: &[&str]) -> Self {
        self.draft.skills = skills.iter().map(|s| s.to_string()).collect();
        self
    }
    pub fn published_days_ago(mut self, days: i64) -> Self {
        let at = hireboard::db::now() - TimeDelta::days(days);
        self.draft.published_at = Some(at);
        self.draft.created_at = at;
        self
    }
    pub fn published_minutes_ago(mut self, minutes: i64) -> Self {
        let at = hireboard::db::now() - TimeDelta::minutes(minutes);
        self.draft.published_at = Some(at);
        self.draft.created_at = at;
        self
    }
    pub fn valid_through(mut self, at: NaiveDateTime) -> Self {
        self.draft.valid_through = Some(at);
        self
    }

    /// Inserts the posting; returns it as stored.
    pub fn create(self, conn: &mut DbConn) -> Job {
        let id = self.draft.insert(conn, &self.company_name).expect("create job");
        Job::find(conn, id).expect("load the job").expect("the job just created")
    }
}

/// A back-office user with a known password.
pub struct AdminFactory {
    email: String,
    role: hireboard::models::AdminRole,
    password: String,
    companies: Vec<i64>,
}

/// What a test needs to sign an admin in.
#[derive(Debug, Clone)]
pub struct AdminLogin {
    pub id: i64,
    pub email: String,
    pub password: String,
}

impl AdminFactory {
    pub fn new() -> AdminFactory {
        AdminFactory {
            email: format!("admin{}@example.test", next()),
            role: AdminRole::Admin,
            password: hireboard::auth::password::generate(),
            companies: Vec::new(),
        }
    }

    pub fn role(mut self, role: hireboard::models::AdminRole) -> Self {
        self.role = role;
        self
    }

    /// A recruiter working for `companies`.
    pub fn recruiter(mut self, companies: &[i64]) -> Self {
        self.role = AdminRole::Recruiter;
        self.companies = companies.to_vec();
        self
    }

    pub fn create(self, conn: &mut DbConn) -> AdminLogin {
        let id =
            hireboard::models::admin_user::create(conn, &self.email, self.role, &self.password)
                .expect("admin factory");
        hireboard::models::company_member::set_companies(conn, id, &self.companies)
            .expect("admin factory: companies");
        AdminLogin { id, email: self.email, password: self.password }
    }
}

/// An application to a posting, at a stage of the pipeline.
pub struct ApplicationFactory {
    new: hireboard::models::application::NewApplication,
    status: hireboard::models::ApplicationStatus,
}

impl ApplicationFactory {
    pub fn new(job_id: i64) -> ApplicationFactory {
        let n = next();
        ApplicationFactory {
            new: hireboard::models::application::NewApplication {
                job_id,
                name: format!("Applicant {n}"),
                email: format!("applicant{n}@example.test"),
                phone: None,
                cover_letter: "I would love to work with you.".into(),
                locale: Locale::EN,
                cv: None,
            },
            status: hireboard::models::ApplicationStatus::New,
        }
    }

    pub fn name(mut self, name: &str) -> Self {
        self.new.name = name.into();
        self
    }

    pub fn status(mut self, status: hireboard::models::ApplicationStatus) -> Self {
        self.status = status;
        self
    }

    pub fn email(mut self, email: &str) -> Self {
        self.new.email = email.into();
        self
    }

    pub fn cover_letter(mut self, letter: &str) -> Self {
        self.new.cover_letter = letter.into();
        self
    }

    /// Inserts the application; returns it as stored.
    pub fn create(self, conn: &mut DbConn) -> Application {
        use diesel::prelude::*;
        use hireboard::db::schema::applications;
        let id = self.new.insert(conn).expect("create application");
        diesel::update(applications::table.find(id))
            .set(applications::status.eq(self.status.as_str()))
            .execute(conn)
            .expect("set the stage");
        Application::find(conn, id).expect("load the application").expect("just created")
    }
}

/// A job alert for a search, confirmed an hour ago unless told otherwise.
pub struct AlertFactory {
    email: String,
    query: String,
    frequency: hireboard::models::alert::Frequency,
    locale: Locale,
    confirmed_at: Option<NaiveDateTime>,
}

impl AlertFactory {
    pub fn new(query: &str) -> AlertFactory {
        AlertFactory {
            email: format!("seeker{}@example.test", next()),
            query: query.into(),
            frequency: hireboard::models::alert::Frequency::Daily,
            locale: Locale::EN,
            confirmed_at: Some(hireboard::db::now() - TimeDelta::hours(1)),
        }
    }

    pub fn email(mut self, email: &str) -> Self {
        self.email = email.into();
        self
    }

    pub fn frequency(mut self, frequency: hireboard::models::alert::Frequency) -> Self {
        self.frequency = frequency;
        self
    }

    pub fn locale(mut self, locale: Locale) -> Self {
        self.locale = locale;
        self
    }

    pub fn pending(mut self) -> Self {
        self.confirmed_at = None;
        self
    }

    /// Inserts the alert; returns it as stored.
    pub fn create(self, conn: &mut DbConn) -> Alert {
        use diesel::prelude::*;
        use hireboard::db::schema::job_alerts;
        let now = hireboard::db::now();
        diesel::insert_into(job_alerts::table)
            .values((
                job_alerts::email.eq(&self.email),
                job_alerts::query.eq(&self.query),
                job_alerts::frequency.eq(self.frequency.as_str()),
                job_alerts::locale.eq(self.locale.as_str()),
                job_alerts::confirmed_at.eq(self.confirmed_at),
                job_alerts::created_at.eq(now),
                job_alerts::updated_at.eq(now),
            ))
            .execute(conn)
            .expect("create alert");
        job_alerts::table
            .filter(job_alerts::email.eq(&self.email))
            .select(Alert::as_select())
            .order(job_alerts::id.desc())
            .first(conn)
            .expect("the alert just created")
    }
}

pub struct ApiTokenFactory {
    name: String,
    scopes: Vec<Scope>,
    company_id: Option<i64>,
    expires_at: Option<NaiveDateTime>,
    revoked: bool,
    /// A recruiter's token: (the recruiter, moderated).
    made_by: Option<i64>,
}

/// A token as a test holds it: the row's id and the token to send.
pub struct ApiToken {
    pub id: i64,
    pub token: String,
}

impl ApiToken {
    /// The `Authorization` header's value that presents it.
    pub fn bearer(&self) -> String {
        format!("Bearer {}", self.token)
    }
}

impl ApiTokenFactory {
    /// A token with every scope, for every company, never expiring.
    pub fn new() -> ApiTokenFactory {
        ApiTokenFactory {
            name: format!("Partner {}", next()),
            scopes: Scope::ALL.to_vec(),
            company_id: None,
            expires_at: None,
            revoked: false,
            made_by: None,
        }
    }

    pub fn name(mut self, name: &str) -> Self {
        self.name = name.to_owned();
        self
    }

    /// Made by recruiter `user` for `company`, as their token page makes it: moderated.
    pub fn recruiters(mut self, user: &AdminLogin, company: &Company) -> Self {
        self.made_by = Some(user.id);
        self.company(company)
    }

    pub fn scopes(mut self, scopes: &[Scope]) -> Self {
        self.scopes = scopes.to_vec();
        self
    }

    pub fn company(mut self, company: &Company) -> Self {
        self.company_id = Some(company.id);
        self
    }

    pub fn expires_at(mut self, at: NaiveDateTime) -> Self {
        self.expires_at = Some(at);
        self
    }

    pub fn revoked(mut self) -> Self {
        self.revoked = true;
        self
    }

    pub fn create(self, conn: &mut DbConn) -> ApiToken {
        let new = NewToken {
            name: &self.name,
            scopes: &self.scopes,
            company_id: self.company_id,
            expires_at: self.expires_at,
            created_by: self.made_by,
            moderated: self.made_by.is_some(),
        };
        let issued = hireboard::models::api_token::issue(conn, &new).expect("API token");
        if self.revoked {
            hireboard::models::api_token::revoke(conn, issued.id, hireboard::db::now())
                .expect("revoked");
        }
        ApiToken { id: issued.id, token: issued.token }
    }
}

/// A place: a city with coordinates and names in other languages.
pub struct PlaceFactory {
    fields: hireboard::models::place::PlaceFields,
    names: Vec<(Locale, String)>,
}

impl PlaceFactory {
    /// A place named `name` in English.
    pub fn new(name: &str, country: &str, (lat, lon): (f64, f64)) -> PlaceFactory {
        PlaceFactory {
            fields: hireboard::models::place::PlaceFields {
                name: name.into(),
                original_locale: Locale::EN,
                country_code: country.into(),
                latitude: Some(lat),
                longitude: Some(lon),
                population: Some(100_000),
            },
            names: Vec::new(),
        }
    }

    pub fn name_in(mut self, locale: Locale, name: &str) -> Self {
        self.names.push((locale, name.into()));
        self
    }

    pub fn population(mut self, population: i64) -> Self {
        self.fields.population = Some(population);
        self
    }

    /// The new place's id.
    pub fn create(self, conn: &mut DbConn) -> i64 {
        self.fields.create(conn, &self.names).expect("place")
    }
}

/// A back-office import of postings by `admin_user_id`, waiting for its columns.
pub fn import_record(conn: &mut DbConn, admin_user_id: i64) -> i64 {
    let headers = ["title".to_owned(), "company".to_owned()];
    let key = format!("imports/{}.csv", hireboard::uploads::names::generate_key());
    let new = hireboard::models::import::NewImport {
        resource: "jobs",
        admin_user_id,
        file_name: "jobs.csv",
        file_key: &key,
        encoding: None,
        headers: &headers,
        mapping: &headers,
    };
    hireboard::models::import::create(conn, &new).expect("import")
}

/// A feed source of `company_id` at `url` (Greenhouse JSON, English, every six hours,
/// publishing, due now); its id.
pub fn feed_source(conn: &mut DbConn, company_id: i64, url: &str, format: &str) -> i64 {
    use diesel::prelude::*;
    use hireboard::db::schema::feed_sources;
    let now = hireboard::db::now();
    diesel::insert_into(feed_sources::table)
        .values((
            feed_sources::company_id.eq(company_id),
            feed_sources::url.eq(url),
            feed_sources::format.eq(format),
            feed_sources::locale.eq("en"),
            feed_sources::every_hours.eq(6),
            feed_sources::publish.eq(true),
            feed_sources::enabled.eq(true),
            feed_sources::next_run_at.eq(now),
            feed_sources::created_at.eq(now),
            feed_sources::updated_at.eq(now),
        ))
        .execute(conn)
        .expect("feed source");
    feed_sources::table
        .select(feed_sources::id)
        .order(feed_sources::id.desc())
        .first(conn)
        .expect("the feed source")
}

/// Two records of every back-office resource, for tests that sweep them all: postings with a
/// skill, companies, applications, comments, audit entries, alerts, tasks, mail in the
/// Outbox, a webhook endpoint and its deliveries (one failed), API tokens (one bound to a
/// company, one revoked), imports, feed sources with a run that worked and one that failed,
/// and the privacy register's two kinds of entries.
pub fn every_resource(conn: &mut DbConn) {
    use diesel::prelude::*;
    use hireboard::db::schema::{
        admin_comments, events, jobs, outbox_messages, webhook_deliveries, webhook_endpoints,
    };
    let now = hireboard::db::now();
    PlaceFactory::new("Munich", "DE", (48.137, 11.575)).name_in(Locale::DE, "München").create(conn);
    PlaceFactory::new("Kyiv", "UA", (50.45, 30.52)).name_in(Locale::UK, "Київ").create(conn);
    let company = CompanyFactory::new().create(conn);
    CompanyFactory::new().create(conn);
    ApiTokenFactory::new().company(&company).create(conn);
    ApiTokenFactory::new().revoked().create(conn);
    for _ in 0..2 {
        JobFactory::new(&company).skills(&["Rust"]).create(conn);
    }
    let importer = AdminFactory::new().create(conn).id;
    for _ in 0..2 {
        import_record(conn, importer);
    }
    let feeds = [
        feed_source(conn, company.id, "https://ats.example.test/jobs.json", "greenhouse"),
        feed_source(conn, company.id, "https://ats.example.test/jobs.xml", "indeed"),
    ];
    let worked = hireboard::feed_sources::RunLog {
        ok: true,
        postings: 3,
        created: 2,
        failed: 1,
        failures: vec![hireboard::feed_sources::RefusedPosting {
            reference: "r-3".into(),
            reasons: vec!["Title: this field is required.".into()],
        }],
        ..Default::default()
    };
    let failed = hireboard::feed_sources::RunLog {
        error: Some(hireboard::feed_sources::RunError::new(
            "feed-error-status",
            vec![("status", "503".into())],
        )),
        ..Default::default()
    };
    for (feed, log) in feeds.into_iter().zip([worked, failed]) {
        hireboard::feed_sources::log_run(conn, feed, now, 120, &log).expect("feed run");
    }
    let job: i64 = jobs::table.select(jobs::id).first(conn).expect("a posting");
    let actor = hireboard::models::audit::Actor { admin_user_id: None, label: "factory".into() };
    for n in 0..2 {
        let application = ApplicationFactory::new(job).create(conn).id;
        diesel::insert_into(admin_comments::table)
            .values((
                admin_comments::resource.eq("applications"),
                admin_comments::record_id.eq(application),
                admin_comments::body.eq(format!("Comment {n}")),
                admin_comments::created_at.eq(now),
            ))
            .execute(conn)
            .expect("comment");
        hireboard::models::audit::record(conn, &actor, "update", "jobs", job, "A posting", &[])
            .expect("audit entry");
        AlertFactory::new("q=rust").create(conn);
        hireboard::tasks::Task::enqueue(
            &hireboard::tasks::noop::Noop { sleep_ms: n, ..Default::default() },
            conn,
        )
        .expect("task");
        diesel::insert_into(outbox_messages::table)
            .values((
                outbox_messages::kind.eq("factory"),
                outbox_messages::to_address.eq(format!("someone{n}@example.test")),
                outbox_messages::subject.eq(format!("Message {n}")),
                outbox_messages::text_body.eq("Hello"),
                outbox_messages::html_body.eq("<p>Hello</p>"),
                outbox_messages::headers.eq("[]"),
                outbox_messages::locale.eq("en"),
                outbox_messages::created_at.eq(now),
            ))
            .execute(conn)
            .expect("outbox message");
    }
    diesel::insert_into(webhook_endpoints::table)
        .values((
            webhook_endpoints::url.eq(format!("https://hooks{}.example.test/in", next())),
            webhook_endpoints::description.eq(""),
            webhook_endpoints::events.eq("*"),
            webhook_endpoints::secret.eq("whsec_factory"),
            webhook_endpoints::enabled.eq(true),
            webhook_endpoints::created_at.eq(now),
            webhook_endpoints::updated_at.eq(now),
        ))
        .execute(conn)
        .expect("webhook endpoint");
    let endpoint: i64 = webhook_endpoints::table
        .select(webhook_endpoints::id)
        .order(webhook_endpoints::id.desc())
        .first(conn)
        .expect("the endpoint");
    diesel::insert_into(events::table)
        .values((
            events::kind.eq("job.published"),
            events::subject_id.eq(job),
            events::payload.eq("{}"),
            events::created_at.eq(now),
        ))
        .execute(conn)
        .expect("event");
    let event: i64 =
        events::table.select(events::id).order(events::id.desc()).first(conn).expect("the event");
    // The register: a copy asked for, and an erasure.
    let secret = b"factory secret";
    let asked = hireboard::privacy::register::AccessRequest {
        secret,
        email: "asked@example.org",
        application_id: job,
        application_count: 1,
        locale: "en",
        now,
        expires_at: now + chrono::TimeDelta::days(7),
    };
    hireboard::privacy::register::record_access(conn, &asked).expect("access request");
    hireboard::privacy::register::record_erasures(
        conn,
        secret,
        hireboard::privacy::register::Origin::Applicant,
        &["erased@example.org".to_owned()],
        now,
    )
    .expect("erasure");
    for status in [Some(200), Some(503)] {
        diesel::insert_into(webhook_deliveries::table)
            .values((
                webhook_deliveries::endpoint_id.eq(endpoint),
                webhook_deliveries::event_id.eq(event),
                webhook_deliveries::attempt.eq(1),
                webhook_deliveries::status_code.eq(status),
                webhook_deliveries::duration_ms.eq(40),
                webhook_deliveries::created_at.eq(now),
            ))
            .execute(conn)
            .expect("delivery");
    }
}
