//! Demo and benchmark data: departments, people, channels and many ideas, inserted in batches.

use diesel::prelude::*;

use crate::db::schema::{channels, idea_channels, idea_languages, idea_tags, ideas};
use crate::db::Conn;
use crate::domain::roles::Role;
use crate::domain::workflow::State;

pub const DEMO_PASSWORD: &str = "pressroom-demo";

const PILLARS: [&str; 5] = [
    "Customer stories",
    "Product news",
    "Behind the scenes",
    "Tips",
    "Jobs",
];
const TAGS: [&str; 8] = [
    "retail", "b2b", "video", "event", "howto", "team", "launch", "faq",
];
const WORDS: [&str; 12] = [
    "summer",
    "bakery",
    "launch",
    "delivery",
    "webinar",
    "customer",
    "factory",
    "holiday",
    "checklist",
    "interview",
    "newsletter",
    "roadmap",
];

/// Adds `count` ideas (and, if missing, the starter departments, a demo editor, one demo
/// contributor per department and two channels). Returns the demo editor's email.
pub fn seed(
    conn: &mut Conn,
    count: usize,
    variants: usize,
    password_hash: &str,
    timezone: &str,
) -> QueryResult<String> {
    let mut department_ids = vec![];
    for name in crate::domain::departments::STARTER_SET {
        department_ids.push(super::departments::find_or_create(conn, name)?.0.id);
    }
    let editor_email = "demo.editor@example.com".to_string();
    let mut people = vec![];
    let demo = |conn: &mut Conn,
                email: String,
                name: String,
                role: Role,
                dept: Option<i64>|
     -> QueryResult<i64> {
        if let Some(u) = super::users::find_by_email(conn, &email)? {
            return Ok(u.id);
        }
        let new = super::users::NewUser {
            email: &email,
            name: &name,
            password_hash,
            role,
            department_id: dept,
            timezone,
            locale: "en",
        };
        match super::users::create(conn, new) {
            Ok(u) => Ok(u.id),
            Err(super::users::CreateError::Db(e)) => Err(e),
            Err(super::users::CreateError::EmailTaken) => Err(diesel::result::Error::NotFound),
        }
    };
    let editor = demo(
        conn,
        editor_email.clone(),
        "Demo Editor".into(),
        Role::Editor,
        None,
    )?;
    for (i, d) in department_ids.iter().enumerate() {
        let id = demo(
            conn,
            format!("demo.contributor{i}@example.com"),
            format!("Demo Contributor {i}"),
            Role::Contributor,
            Some(*d),
        )?;
        people.push((id, *d));
    }
    for (name, kind) in [("Demo blog", "feed"), ("Demo Mastodon", "mastodon")] {
        if super::channels::names(conn)?.iter().all(|(_, n)| n != name) {
            diesel::insert_into(channels::table)
                .values((
                    channels::name.eq(name),
                    channels::kind.eq(kind),
                    channels::created_at.eq(super::now()),
                ))
                .execute(conn)?;
        }
    }
    let channel_ids: Vec<i64> = super::channels::names(conn)?
        .into_iter()
        .map(|(id, _)| id)
        .collect();

    // Every state but draft, so the board and the filters have something everywhere.
    let states: Vec<State> = State::ALL
        .into_iter()
        .filter(|s| *s != State::Draft)
        .collect();
    let now = super::now();
    let mut done = 0;
    while done < count {
        let batch = (count - done).min(500);
        let rows: Vec<_> = (done..done + batch)
            .map(|n| {
                let (submitter, department) = people[n % people.len()];
                let title = format!(
                    "{} {} {} #{n}",
                    WORDS[n % WORDS.len()],
                    WORDS[(n / 7) % WORDS.len()],
                    PILLARS[n % PILLARS.len()].to_lowercase(),
                );
                let mut tags = vec![TAGS[n % TAGS.len()], TAGS[(n / 3) % TAGS.len()]];
                tags.dedup();
                let lists = (tags, channel_ids[n % channel_ids.len()], ["de", "fr", "it", "en"][n % 4]);
                let at = now - chrono::Duration::minutes((count - n) as i64);
                (lists, (
                    ideas::title.eq(title),
                    ideas::pitch.eq(format!("Seeded idea number {n}. **Markdown** pitch with a [link](https://example.com/{n}).")),
                    ideas::department_id.eq(department),
                    ideas::audience.eq("Everyone"),
                    ideas::pillar.eq(PILLARS[n % PILLARS.len()]),
                    ideas::links.eq(""),
                    ideas::state.eq(states[n % states.len()].as_str()),
                    ideas::version.eq(1i64),
                    ideas::submitter_id.eq(submitter),
                    ideas::assignee_id.eq((n % 3 == 0).then_some(editor)),
                    ideas::created_at.eq(at),
                    ideas::updated_at.eq(at),
                ))
            })
            .collect();
        // One row per statement (the shared backend has no batch insert), one transaction per batch.
        crate::db::write_tx(conn, |conn| {
            for ((tags, channel, language), row) in rows {
                let id: i64 = diesel::insert_into(ideas::table)
                    .values(row)
                    .returning(ideas::id)
                    .get_result(conn)?;
                for (position, tag) in (0..).zip(tags) {
                    diesel::insert_into(idea_tags::table)
                        .values((
                            idea_tags::idea_id.eq(id),
                            idea_tags::position.eq(position),
                            idea_tags::tag.eq(tag),
                        ))
                        .execute(conn)?;
                }
                diesel::insert_into(idea_channels::table)
                    .values((
                        idea_channels::idea_id.eq(id),
                        idea_channels::position.eq(0),
                        idea_channels::channel_id.eq(channel),
                    ))
                    .execute(conn)?;
                diesel::insert_into(idea_languages::table)
                    .values((
                        idea_languages::idea_id.eq(id),
                        idea_languages::position.eq(0),
                        idea_languages::language.eq(language),
                    ))
                    .execute(conn)?;
            }
            Ok::<_, diesel::result::Error>(())
        })?;
        done += batch;
    }
    seed_plans(conn, variants, &channel_ids, editor)?;
    // Fresh statistics, so the planners know the tables' new size; on PostgreSQL also the
    // visibility map (as autovacuum would make it soon), so counts can read indexes only.
    let analyze = match conn {
        Conn::Pg(_) => "VACUUM ANALYZE",
        Conn::Sqlite(_) => "ANALYZE",
    };
    diesel::sql_query(analyze).execute(conn)?;
    // The full-text index as the hourly housekeeping leaves it once it has caught up.
    super::search::merge_index(conn, true)?;
    Ok(editor_email)
}

/// Gives the newest `count` ideas a piece with one scheduled variant each, spread evenly from
/// five years back to five years ahead, so every month of the calendar has entries.
fn seed_plans(conn: &mut Conn, count: usize, channel_ids: &[i64], editor: i64) -> QueryResult<()> {
    use crate::db::schema::{content_pieces, variants};
    if count == 0 {
        return Ok(());
    }
    let picked: Vec<(i64, String)> = ideas::table
        .left_join(content_pieces::table)
        .filter(content_pieces::id.is_null())
        .select((ideas::id, ideas::title))
        .order(ideas::id.desc())
        .limit(count as i64)
        .load(conn)?;
    let now = super::now();
    let span = chrono::Duration::days(3650);
    let step = span.num_seconds() / picked.len().max(1) as i64;
    for (batch_no, batch) in picked.chunks(500).enumerate() {
        crate::db::write_tx(conn, |conn| {
            for (i, (idea_id, title)) in batch.iter().enumerate() {
                let n = (batch_no * 500 + i) as i64;
                let content_id: i64 = diesel::insert_into(content_pieces::table)
                    .values((
                        content_pieces::idea_id.eq(idea_id),
                        content_pieces::title.eq(title),
                        content_pieces::body.eq("Seeded piece."),
                        content_pieces::created_by.eq(editor),
                        content_pieces::created_at.eq(now),
                        content_pieces::updated_at.eq(now),
                    ))
                    .returning(content_pieces::id)
                    .get_result(conn)?;
                // Whole minutes, so slots look like real ones.
                let at = now - span / 2 + chrono::Duration::seconds(n * step / 60 * 60);
                diesel::insert_into(variants::table)
                    .values((
                        variants::content_id.eq(content_id),
                        variants::channel_id.eq(channel_ids[n as usize % channel_ids.len()]),
                        variants::language.eq(["de", "fr", "it", "en"][n as usize % 4]),
                        variants::text.eq("Seeded variant"),
                        variants::link.eq(""),
                        variants::subject.eq("Seeded"),
                        variants::preheader.eq(""),
                        variants::images.eq("[]"),
                        variants::scheduled_at.eq(Some(at)),
                        variants::created_at.eq(now),
                        variants::updated_at.eq(now),
                    ))
                    .execute(conn)?;
            }
            Ok::<_, diesel::result::Error>(())
        })?;
    }
    Ok(())
}

/// Adds `count` scheduled ideas, each with a piece and one variant on `channel_id` planned
/// between `first` and `first + spread` (each with a link, as most posts have), with their
/// publications and jobs. For the crash and multi-instance tests and the publishing benchmark.
/// Returns the variant ids.
pub fn due_variants(
    conn: &mut Conn,
    channel_id: i64,
    count: usize,
    first: chrono::NaiveDateTime,
    spread: chrono::Duration,
) -> QueryResult<Vec<i64>> {
    use crate::db::schema::{content_pieces, departments, users, variants};
    let department: i64 = departments::table
        .select(departments::id)
        .order(departments::id.asc())
        .first(conn)?;
    let submitter: i64 = users::table
        .select(users::id)
        .order(users::id.asc())
        .first(conn)?;
    let now = super::now();
    let step_ms = spread.num_milliseconds() / count.max(1) as i64;
    let mut ids = Vec::with_capacity(count);
    for (batch_no, batch) in (0..count).collect::<Vec<_>>().chunks(250).enumerate() {
        crate::db::write_tx(conn, |conn| {
            for &n in batch {
                let title = format!("Due #{n} ({batch_no})");
                let idea: i64 = diesel::insert_into(ideas::table)
                    .values((
                        ideas::title.eq(&title),
                        ideas::pitch.eq(""),
                        ideas::department_id.eq(department),
                        ideas::audience.eq(""),
                        ideas::pillar.eq(""),
                        ideas::links.eq(""),
                        ideas::state.eq(State::Scheduled.as_str()),
                        ideas::version.eq(1i64),
                        ideas::submitter_id.eq(submitter),
                        ideas::created_at.eq(now),
                        ideas::updated_at.eq(now),
                    ))
                    .returning(ideas::id)
                    .get_result(conn)?;
                diesel::insert_into(idea_languages::table)
                    .values((
                        idea_languages::idea_id.eq(idea),
                        idea_languages::position.eq(0),
                        idea_languages::language.eq("de"),
                    ))
                    .execute(conn)?;
                let content: i64 = diesel::insert_into(content_pieces::table)
                    .values((
                        content_pieces::idea_id.eq(idea),
                        content_pieces::title.eq(&title),
                        content_pieces::body.eq(""),
                        content_pieces::created_at.eq(now),
                        content_pieces::updated_at.eq(now),
                    ))
                    .returning(content_pieces::id)
                    .get_result(conn)?;
                let at = first + chrono::Duration::milliseconds(step_ms * n as i64);
                let variant: i64 = diesel::insert_into(variants::table)
                    .values((
                        variants::content_id.eq(content),
                        variants::channel_id.eq(channel_id),
                        variants::language.eq("de"),
                        variants::text.eq(format!("Post number {n}")),
                        variants::link.eq(format!("https://example.ch/posts/{n}")),
                        variants::subject.eq(&title),
                        variants::preheader.eq(""),
                        variants::images.eq("[]"),
                        variants::scheduled_at.eq(Some(at)),
                        variants::created_at.eq(now),
                        variants::updated_at.eq(now),
                    ))
                    .returning(variants::id)
                    .get_result(conn)?;
                super::publications::plan(conn, variant, channel_id, at, now)?
                    .map_err(|_| diesel::result::Error::RollbackTransaction)?;
                ids.push(variant);
            }
            Ok::<_, diesel::result::Error>(())
        })?;
    }
    Ok(ids)
}
