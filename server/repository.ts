import {
  sql,
  type Compilable,
  type ExpressionBuilder,
  type Kysely,
  type QueryCreator,
  type Selectable,
} from 'kysely';
import { RATING_CLOSED, ratingAverage, type RelatedStrategy } from '../src/model/portal-model.js';
import { CompiledQueries, slot } from './compiled-once.js';
import { isPostgres, type ArticleTable, type Database } from './db.js';
import { DEFAULT_SITE } from './sites.js';

export interface RatingSummary {
  articleId: number;
  total: number;
  count: number;
  /** Total points over the number of ratings, one decimal; 0 with no ratings. */
  average: number;
  open: boolean;
  /** The score this visitor gave, when the request carried their voter token. */
  yourScore?: number;
}

/** A recorded reading as the API gives it. */
export interface ArticleVoice {
  id: string;
  title: string;
  url: string;
}

export type VoteResult =
  | { status: 'counted'; summary: RatingSummary }
  | { status: 'already-voted'; summary: RatingSummary }
  | { status: typeof RATING_CLOSED; summary: RatingSummary }
  | { status: 'not-found' };

type ArticleRow = Selectable<ArticleTable> & { category_name: string; topic_name: string | null };
/** An article as its read gives it: with its voices and, for a voter, their score. */
type ArticleRead = ArticleRow & { voices: ArticleVoice[]; your_score: number | null };
type SummaryRow = Pick<
  ArticleRow,
  | 'id'
  | 'slug'
  | 'title'
  | 'lead'
  | 'image_url'
  | 'image_alt'
  | 'image_caption'
  | 'category_id'
  | 'published_at'
  | 'category_name'
>;
type ArticlePosition = Pick<ArticleRow, 'id' | 'category_id' | 'topic_id' | 'published_at'>;

export function summaryOf(
  row: Pick<ArticleRow, 'id' | 'total_points' | 'rating_count' | 'rating_open'> & {
    /** The score the request's voter gave, where the query asked for it. */
    your_score?: number | string | null;
  },
): RatingSummary {
  const total = Number(row.total_points);
  const count = Number(row.rating_count);
  return {
    articleId: row.id,
    total,
    count,
    average: ratingAverage(total, count),
    open: Boolean(row.rating_open),
    ...(row.your_score == null ? {} : { yourScore: Number(row.your_score) }),
  };
}

/**
 * Every query the widgets API makes, the same on SQLite and PostgreSQL, within one site: every
 * query names `site_id`, and every join matches it too, so nothing crosses sites.
 */
export class ArticleRepository {
  constructor(
    private readonly db: Kysely<Database>,
    readonly site: string = DEFAULT_SITE,
    /** The hot queries, compiled once; the same for every site (the site is a value). */
    private readonly compiled = new CompiledQueries(db),
  ) {}

  /** The same queries for another site. */
  forSite(site: string): ArticleRepository {
    return site === this.site ? this : new ArticleRepository(this.db, site, this.compiled);
  }

  /** Runs the query named `name`, built by `build` the first time, with `args` as its slots. */
  private run<R>(name: string, build: () => Compilable<R>, args: readonly unknown[]): Promise<R[]> {
    return this.compiled.run(name, build, args);
  }

  /** Whether the site exists: a page that names no site the server has is told so. */
  async siteExists(): Promise<boolean> {
    const row = await this.db
      .selectFrom('sites')
      .select('id')
      .where('id', '=', this.site)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Adds the sites the sites file lists, or renames them; a site is never removed here. */
  async saveSites(sites: readonly { id: string; name: string }[]): Promise<void> {
    for (const { id, name } of sites) {
      await this.db
        .insertInto('sites')
        .values({ id, name })
        .onConflict((conflict) => conflict.column('id').doUpdateSet({ name }))
        .execute();
    }
  }

  /** Every site, by id. */
  async sites(): Promise<{ id: string; name: string }[]> {
    return this.db.selectFrom('sites').select(['id', 'name']).orderBy('id').execute();
  }

  private articles(site: string = this.site) {
    return this.db
      .selectFrom('articles')
      .innerJoin('categories', (join) =>
        join
          .onRef('categories.site_id', '=', 'articles.site_id')
          .onRef('categories.id', '=', 'articles.category_id'),
      )
      .leftJoin('topics', (join) =>
        join
          .onRef('topics.site_id', '=', 'articles.site_id')
          .onRef('topics.id', '=', 'articles.topic_id'),
      )
      .where('articles.site_id', '=', site)
      .selectAll('articles')
      .select(['categories.name as category_name', 'topics.name as topic_name']);
  }

  /** What a list shows of each article: no body, no topic. */
  private summaries(site: string = this.site) {
    return this.db
      .selectFrom('articles')
      .innerJoin('categories', (join) =>
        join
          .onRef('categories.site_id', '=', 'articles.site_id')
          .onRef('categories.id', '=', 'articles.category_id'),
      )
      .where('articles.site_id', '=', site)
      .select([
        'articles.id',
        'articles.slug',
        'articles.title',
        'articles.lead',
        'articles.image_url',
        'articles.image_alt',
        'articles.image_caption',
        'articles.category_id',
        'articles.published_at',
        'categories.name as category_name',
      ]);
  }

  /** The score `voterId` gave the article of the row the query is on, as a subquery. */
  private scoreBy(eb: ExpressionBuilder<Database, 'articles'>, voterId: string) {
    return eb
      .selectFrom('votes')
      .select('votes.score')
      .whereRef('votes.site_id', '=', 'articles.site_id')
      .whereRef('votes.article_id', '=', 'articles.id')
      .where('votes.voter_id', '=', voterId);
  }

  /**
   * An article with its voices and, for a voter, the score they gave, in one query: each query
   * is a round trip to PostgreSQL, which costs the server more than the query itself.
   */
  async read(id: number, voterId?: string | null): Promise<ArticleRead | undefined> {
    const [row] = voterId
      ? await this.run('read by a voter', () => this.readQuery(true), [this.site, id, voterId])
      : await this.run('read', () => this.readQuery(false), [this.site, id]);
    if (!row) return undefined;
    const { voices, ...rest } = row as typeof row & { your_score?: number | null };
    return {
      ...rest,
      // PostgreSQL's driver parses json; SQLite gives its text.
      voices: typeof voices === 'string' ? (JSON.parse(voices) as ArticleVoice[]) : voices,
      your_score: rest.your_score ?? null,
    };
  }

  /** `read`'s query: the site, the id and (`byVoter`) the voter are slots 0, 1 and 2. */
  private readQuery(byVoter: boolean) {
    const postgres = isPostgres(this.db);
    const voice = postgres
      ? sql`json_build_object('id', v.voice_id, 'title', v.title, 'url', v.url)`
      : sql`json_object('id', v.voice_id, 'title', v.title, 'url', v.url)`;
    // `[]` without voices: json_group_array gives it, json_agg gives null.
    const list = postgres
      ? sql`coalesce(json_agg(${voice} order by v.position), '[]'::json)`
      : sql`json_group_array(${voice} order by v.position)`;
    return this.articles(slot<string>(0))
      .select(
        sql<ArticleVoice[] | string>`(select ${list} from article_voices v
          where v.site_id = articles.site_id and v.article_id = articles.id)`.as('voices'),
      )
      .$if(byVoter, (query) =>
        query.select((eb) => this.scoreBy(eb, slot<string>(2)).as('your_score')),
      )
      .where('articles.id', '=', slot<number>(1));
  }

  /** Where an article sits, as the related strategies need it. */
  async position(id: number): Promise<ArticlePosition | undefined> {
    const build = () =>
      this.db
        .selectFrom('articles')
        .select(['id', 'category_id', 'topic_id', 'published_at'])
        .where('site_id', '=', slot<string>(0))
        .where('id', '=', slot<number>(1));
    const [row] = await this.run('position', build, [this.site, id]);
    return row;
  }

  /** Newest first, `limit` at a time; the cursor is the last row's date and id. */
  async list(options: {
    category?: string;
    cursor?: { publishedAt: string; id: number };
    limit: number;
  }) {
    const { category, cursor, limit } = options;
    // Slots: the site, the limit, the category, the cursor's date and id.
    const build = () => {
      let query = this.summaries(slot<string>(0))
        .orderBy('articles.published_at', 'desc')
        .orderBy('articles.id', 'desc')
        .limit(slot<number>(1));
      if (category) query = query.where('articles.category_id', '=', slot<string>(2));
      if (cursor) {
        // A row comparison, which both databases answer from the (published_at, id) index.
        query = query.where((eb) =>
          eb(
            eb.refTuple('articles.published_at', 'articles.id'),
            '<',
            eb.tuple(slot<string>(3), slot<number>(4)),
          ),
        );
      }
      return query;
    };
    const rows = await this.run(
      `list${category ? ' of a category' : ''}${cursor ? ' after a cursor' : ''}`,
      build,
      [this.site, limit + 1, category, cursor?.publishedAt, cursor?.id],
    );
    return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
  }

  /**
   * Related articles as NukeViet portals show them: the same topic, or newer / older / latest
   * in the same category. Never the article itself. The article's topic, category and date are
   * read inside the same query (each a subquery run once), so a strategy is one round trip;
   * a missing article gives no rows, as does an article without a topic for `topic`.
   */
  async related(id: number, strategy: RelatedStrategy, limit: number): Promise<SummaryRow[]> {
    return this.run(`related: ${strategy}`, () => this.relatedQuery(strategy), [
      this.site,
      id,
      limit,
    ]);
  }

  /** `related`'s query for one strategy: the site, the id and the limit are slots 0, 1 and 2. */
  private relatedQuery(strategy: RelatedStrategy) {
    const id = slot<number>(1);
    const here = this.db
      .selectFrom('articles as here')
      .where('here.site_id', '=', slot<string>(0))
      .where('here.id', '=', id);
    const topic = here.select('here.topic_id');
    const category = here.select('here.category_id');
    const published = here.select('here.published_at');
    const base = this.summaries(slot<string>(0))
      .where('articles.id', '!=', id)
      .limit(slot<number>(2));
    switch (strategy) {
      case 'topic':
        return base.where('articles.topic_id', '=', topic).orderBy('articles.published_at', 'desc');
      case 'newer':
        return base
          .where('articles.category_id', '=', category)
          .where('articles.published_at', '>', published)
          .orderBy('articles.published_at', 'asc');
      case 'older':
        return base
          .where('articles.category_id', '=', category)
          .where('articles.published_at', '<', published)
          .orderBy('articles.published_at', 'desc');
      case 'category':
        return base
          .where('articles.category_id', '=', category)
          .orderBy('articles.published_at', 'desc');
    }
  }

  /** The article's recorded voices, in their order. */
  async voices(articleId: number): Promise<ArticleVoice[]> {
    const rows = await this.db
      .selectFrom('article_voices')
      .select(['voice_id', 'title', 'url'])
      .where('site_id', '=', this.site)
      .where('article_id', '=', articleId)
      .orderBy('position')
      .execute();
    return rows.map((row) => ({ id: row.voice_id, title: row.title, url: row.url }));
  }

  /** Replaces the article's voices with `voices`, in that order (inside the caller's transaction). */
  async setVoices(articleId: number, voices: readonly ArticleVoice[]): Promise<void> {
    await this.db
      .deleteFrom('article_voices')
      .where('site_id', '=', this.site)
      .where('article_id', '=', articleId)
      .execute();
    if (!voices.length) return;
    await this.db
      .insertInto('article_voices')
      .values(
        voices.map((voice, position) => ({
          site_id: this.site,
          article_id: articleId,
          voice_id: voice.id,
          title: voice.title,
          url: voice.url,
          position,
        })),
      )
      .execute();
  }

  /** The rating, with the score this voter gave when the request names one: one query. */
  async summary(articleId: number, voterId?: string | null): Promise<RatingSummary | undefined> {
    // Slots: the site, the article, the voter.
    const build = (byVoter: boolean) => () =>
      this.db
        .selectFrom('articles')
        .select(['id', 'total_points', 'rating_count', 'rating_open'])
        .$if(byVoter, (query) =>
          query.select((eb) => this.scoreBy(eb, slot<string>(2)).as('your_score')),
        )
        .where('site_id', '=', slot<string>(0))
        .where('id', '=', slot<number>(1));
    const [row] = voterId
      ? await this.run('rating for a voter', build(true), [this.site, articleId, voterId])
      : await this.run('rating', build(false), [this.site, articleId]);
    return row && summaryOf(row);
  }

  /**
   * Counts one vote. The primary key (article, voter) makes a repeat a no-op even when two
   * requests race; the counters move in the same transaction as the vote row. On PostgreSQL the
   * usual case is one statement (the vote and the counters in data-modifying CTEs, atomic as any
   * statement): no BEGIN and COMMIT round trips, each of which costs the server as much as a
   * query. SQLite, which has no INSERT in a CTE and no round trips, runs the two in a transaction.
   */
  async vote(articleId: number, voterId: string, score: number): Promise<VoteResult> {
    const vote: Vote = {
      site: this.site,
      articleId,
      voterId,
      score,
      createdAt: new Date().toISOString(),
    };
    const row = isPostgres(this.db)
      ? (
          await this.run(
            'vote',
            // Compiled once, as the reads are: the vote's slots are its fields in `Vote`'s order.
            () => {
              const slots: Vote = {
                site: slot(0),
                articleId: slot(1),
                voterId: slot(2),
                score: slot(3),
                createdAt: slot(4),
              };
              return this.db
                .with('counted', (db) => this.insertVote(db, slots))
                .with('summary', () =>
                  this.addToCounters(this.db, slots).where(
                    sql<boolean>`exists (select 1 from counted)`,
                  ),
                )
                .selectFrom('summary')
                .selectAll();
            },
            [vote.site, vote.articleId, vote.voterId, vote.score, vote.createdAt],
          )
        )[0]
      : await this.db.transaction().execute(async (trx) => {
          const inserted = await this.insertVote(trx, vote).executeTakeFirst();
          return inserted ? this.addToCounters(trx, vote).executeTakeFirstOrThrow() : undefined;
        });
    if (row)
      return { status: 'counted', summary: { ...summaryOf(row), yourScore: score } } as const;
    // Not counted: no such article, rating closed, or this voter's earlier vote.
    const article = await this.db
      .selectFrom('articles')
      .select(['id', 'total_points', 'rating_count', 'rating_open'])
      .select((eb) => this.scoreBy(eb, voterId).as('previous'))
      .where('site_id', '=', this.site)
      .where('id', '=', articleId)
      .executeTakeFirst();
    if (!article) return { status: 'not-found' } as const;
    if (!article.rating_open)
      return { status: RATING_CLOSED, summary: summaryOf(article) } as const;
    // Only if rating opened between the two statements: an error, as inside the transaction.
    if (article.previous === null) throw new Error(`Vote on article ${articleId} not counted`);
    return {
      status: 'already-voted',
      summary: { ...summaryOf(article), yourScore: Number(article.previous) },
    } as const;
  }

  /** The vote, inserted only while the article takes ratings and this voter has none. */
  private insertVote(
    db: QueryCreator<Database>,
    { site, articleId, voterId, score, createdAt }: Vote,
  ) {
    return db
      .insertInto('votes')
      .columns(['site_id', 'article_id', 'voter_id', 'score', 'created_at'])
      .expression(
        db
          .selectNoFrom((eb) => [
            eb.cast<string>(eb.val(site), 'text').as('site_id'),
            eb.cast<number>(eb.val(articleId), 'integer').as('article_id'),
            eb.cast<string>(eb.val(voterId), 'text').as('voter_id'),
            eb.cast<number>(eb.val(score), 'integer').as('score'),
            eb.cast<string>(eb.val(createdAt), 'text').as('created_at'),
          ])
          .where((eb) =>
            eb.exists(
              db
                .selectFrom('articles')
                .select('id')
                .where('site_id', '=', site)
                .where('id', '=', articleId)
                .where('rating_open', '=', 1),
            ),
          ),
      )
      .onConflict((conflict) => conflict.columns(['site_id', 'article_id', 'voter_id']).doNothing())
      .returning('score');
  }

  /** The article's counters with one more vote of `score`. */
  private addToCounters(db: QueryCreator<Database>, { site, articleId, score }: Vote) {
    return db
      .updateTable('articles')
      .set((eb) => ({
        total_points: eb('total_points', '+', score),
        rating_count: eb('rating_count', '+', 1),
      }))
      .where('site_id', '=', site)
      .where('id', '=', articleId)
      .returning(['id', 'total_points', 'rating_count', 'rating_open']);
  }

  async setting(key: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirst();
    return row?.value;
  }

  /** Stores `value` unless another instance stored one first; returns the value that won. */
  async settingOnce(key: string, value: string): Promise<string> {
    await this.db
      .insertInto('settings')
      .values({ key, value })
      .onConflict((conflict) => conflict.column('key').doNothing())
      .execute();
    return (await this.setting(key)) ?? value;
  }
}

/** One vote, as it is stored. */
interface Vote {
  site: string;
  articleId: number;
  voterId: string;
  score: number;
  createdAt: string;
}

export type { ArticlePosition, ArticleRead, ArticleRow, SummaryRow };
