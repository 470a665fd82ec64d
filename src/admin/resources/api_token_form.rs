//! The API token's form: a name, its scopes, an optional company and expiry. Only the name
//! changes later: a token with other rights is a new token. A recruiter's token is bound to
//! one of their companies and moderated: it acts as they do.

use chrono::NaiveDateTime;

use super::prelude::*;
use crate::db::schema::api_tokens;
use crate::models::api_token::{self, NewToken};

pub struct ApiTokenForm;

/// A token as its form edits it.
#[derive(Clone)]
pub struct TokenDraft {
    name: String,
    /// The scopes' names.
    scopes: Vec<String>,
    /// 0: every company.
    company_id: i64,
    expires_at: Option<NaiveDateTime>,
    /// The new token, made by `check` on creation: shown once, never stored.
    token: Option<String>,
}

impl DraftForm for ApiTokenForm {
    type Draft = TokenDraft;
    type Text = ();

    fn declare(&self, tr: &Tr, f: &mut Fields<Self>) {
        let scopes =
            api_token::Scope::ALL.iter().map(|s| (s.as_str(), tr.t(s.label_key()))).collect();
        f.text("name", "admin-field-name", |d| &mut d.name).required().max(200);
        f.of("scopes", "admin-field-scopes", FieldKind::Choices(scopes), |d| &mut d.scopes)
            .required()
            .create_only();
        f.association("company", "admin-field-company", "companies", |d| &mut d.company_id)
            .create_only()
            .hint("admin-hint-token-company");
        f.of("expires_at", "admin-field-expires-at", FieldKind::Date, |d| &mut d.expires_at)
            .create_only()
            .hint("admin-hint-token-expires");
    }

    fn new_draft(&self, _tr: &Tr) -> TokenDraft {
        TokenDraft {
            name: String::new(),
            scopes: vec![api_token::Scope::JobsRead.as_str().to_owned()],
            company_id: 0,
            expires_at: None,
            token: None,
        }
    }

    fn read(&self, conn: &mut DbConn, id: i64) -> Result<Option<Read<TokenDraft>>, AppError> {
        type Stored = (String, String, Option<i64>, Option<NaiveDateTime>, NaiveDateTime);
        let found: Option<Stored> = api_tokens::table
            .find(id)
            .select((
                api_tokens::name,
                api_tokens::scopes,
                api_tokens::company_id,
                api_tokens::expires_at,
                api_tokens::created_at,
            ))
            .first(conn)
            .optional()?;
        Ok(found.map(|(name, scopes, company, expires_at, created)| Read {
            label: name.clone(),
            draft: TokenDraft {
                name,
                scopes: api_token::Scope::list(&scopes)
                    .iter()
                    .map(|s| s.as_str().to_owned())
                    .collect(),
                company_id: company.unwrap_or(0),
                expires_at,
                token: None,
            },
            text_updated_at: created,
            translated_from: Vec::new(),
            previews: Default::default(),
        }))
    }

    /// A new token expires in the future, and gets its secret here, so that the page after
    /// the save can show it.
    fn check(
        &self,
        conn: &mut DbConn,
        draft: &mut TokenDraft,
        old: Option<(i64, &TokenDraft)>,
        editor: &crate::admin::resource::Editor,
    ) -> Result<Vec<FieldError>, AppError> {
        if old.is_some() {
            return Ok(Vec::new());
        }
        if editor.viewer.is_bound() {
            let theirs =
                crate::models::company_member::company_ids(conn, editor.viewer.admin_user_id)?;
            if !theirs.contains(&draft.company_id) {
                return Ok(vec![FieldError::new("company", "admin-error-token-own-company")]);
            }
        }
        if draft.expires_at.is_some_and(|at| at <= crate::db::now()) {
            return Ok(vec![FieldError::new("expires_at", "admin-error-token-expiry")]);
        }
        draft.token = Some(api_token::generate());
        Ok(Vec::new())
    }

    fn write(
        &self,
        conn: &mut DbConn,
        draft: &TokenDraft,
        over: Option<Over<'_, TokenDraft>>,
        editor: &crate::admin::resource::Editor,
    ) -> Result<i64, AppError> {
        if let Some(Over { id, .. }) = over {
            diesel::update(api_tokens::table.find(id))
                .set((
                    api_tokens::name.eq(&draft.name),
                    api_tokens::updated_at.eq(crate::db::now()),
                ))
                .execute(conn)?;
            return Ok(id);
        }
        let token = draft
            .token
            .as_deref()
            .ok_or_else(|| AppError::Internal("a token draft unchecked".into()))?;
        let scopes: Vec<api_token::Scope> =
            draft.scopes.iter().filter_map(|s| api_token::Scope::parse(s)).collect();
        let new = NewToken {
            name: &draft.name,
            scopes: &scopes,
            company_id: Some(draft.company_id).filter(|id| *id != 0),
            expires_at: draft.expires_at,
            created_by: Some(editor.viewer.admin_user_id).filter(|id| *id != 0),
            moderated: editor.viewer.is_bound(),
        };
        Ok(api_token::insert(conn, &new, token)?)
    }

    fn delete(&self, conn: &mut DbConn, id: i64) -> Result<Deleted, AppError> {
        Ok(Deleted::from_rows(
            diesel::delete(api_tokens::table.filter(api_tokens::id.eq(id))).execute(conn)?,
        ))
    }

    fn reveal(draft: &TokenDraft) -> Option<String> {
        draft.token.clone()
    }
}
