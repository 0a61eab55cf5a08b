import { Alert, Button, Card, Checkbox, Empty, Flex, Form, Input, InputNumber, Radio, Tag, Typography } from 'antd';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql/index.js';
import type { HouseholdSharingQuery, ListingKind, ListingType } from '../../gql/graphql.js';
import { formatShanghaiTime } from '../../lib/dates.js';
import { newIdempotencyKey } from '../../lib/idempotency.js';
import { ErrorNotice } from '../ErrorNotice.js';
import { PageLoading } from '../PageLoading.js';
import { RefusalNotice, type Refusal } from '../Refusal.js';
import { formatHours, fromShanghaiInput, sharingRefusal, toShanghaiInput } from './sharingWords.js';

const HouseholdSharingQuery = graphql(`
  query HouseholdSharing($householdId: ID!) {
    household(id: $householdId) {
      id
      verified
      timeCredits {
        balance
      }
      listings {
        id
        kind
        type
        title
        description
        status
        availableFrom
        availableTo
        expiresAt
        verifiedOnly
        householdVerified
        assisted
        compound {
          id
        }
        matches {
          id
          status
          hours
          need {
            id
            title
          }
          offer {
            id
            title
          }
          actions {
            status
            householdId
          }
        }
      }
    }
  }
`);

const SharingSuggestionsQuery = graphql(`
  query SharingSuggestions($listingId: ID!) {
    listing(id: $listingId) {
      id
      suggestedMatches {
        id
        kind
        type
        title
        description
        availableFrom
        availableTo
        householdVerified
        compound {
          id
          name
        }
      }
    }
  }
`);

const SharingMatchContactsQuery = graphql(`
  query SharingMatchContacts($id: ID!) {
    match(id: $id) {
      id
      needContact {
        address
        name
        phone
      }
      offerContact {
        address
        name
        phone
      }
    }
  }
`);

const SharingPostListingMutation = graphql(`
  mutation SharingPostListing($input: PostListingInput!) {
    postListing(input: $input) {
      id
      title
      status
    }
  }
`);

const SharingProposeMatchMutation = graphql(`
  mutation SharingProposeMatch($needId: ID!, $offerId: ID!) {
    proposeMatch(needId: $needId, offerId: $offerId) {
      id
      status
    }
  }
`);

const SharingAcceptMatchMutation = graphql(`
  mutation SharingAcceptMatch($id: ID!) {
    acceptMatch(id: $id) {
      id
      status
    }
  }
`);

const SharingCompleteMatchMutation = graphql(`
  mutation SharingCompleteMatch($id: ID!, $hours: Float) {
    completeMatch(id: $id, hours: $hours) {
      id
      status
      hours
    }
  }
`);

const SharingCancelMatchMutation = graphql(`
  mutation SharingCancelMatch($id: ID!) {
    cancelMatch(id: $id) {
      id
      status
    }
  }
`);

type HouseholdListing = NonNullable<NonNullable<HouseholdSharingQuery['household']>['listings']>[number];
type ListingMatch = NonNullable<HouseholdListing['matches']>[number];

const KINDS = ['NEED', 'OFFER'] as const satisfies readonly ListingKind[];
const TYPES = ['GOODS', 'SKILL', 'ACTIVITY', 'SPACE'] as const satisfies readonly ListingType[];
/** Types whose completion moves time credit (hours). */
const TIMED: readonly ListingType[] = ['SKILL', 'ACTIVITY'];
// Solid tags dark enough for white words (WCAG AA), as the request statuses are.
const STATUS_COLOR = {
  OPEN: '#237804',
  MATCHED: '#0958d9',
  COMPLETED: '#595959',
  EXPIRED: '#595959',
} as const;
const MATCH_COLOR = {
  PROPOSED: '#ad4e00',
  ACCEPTED: '#0958d9',
  COMPLETED: '#237804',
  CANCELLED: '#595959',
} as const;
const KIND_COLOR = { NEED: '#a8071a', OFFER: '#006d75' } as const;
const GREEN = '#237804';
const DAY_MS = 24 * 60 * 60 * 1000;
/** The section of a resident's phone: large touch targets. */
const BIG = 'large' as const;

/**
 * A household's part in the shared community (共享社区): its time credit balance, posting a need or an offer, its
 * listings with their matches (accept, complete, cancel; the other side's contact details once accepted) and the
 * suggestions to propose a match with. The household's own resident uses it, or the community staff acting for a
 * household without a phone (`assisted`: the headings say so; the platform records who acted for whom).
 */
export function HouseholdSharing({ householdId, assisted = false }: { householdId: string; assisted?: boolean }) {
  const { t } = useTranslation();
  const [result, refetch] = useQuery({
    query: HouseholdSharingQuery,
    variables: { householdId },
  });
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  const household = result.data?.household;
  const listingsId = useId();
  return (
    <Flex vertical gap={16}>
      <ErrorNotice error={result.error} onRetry={refresh} />
      {household ? (
        <>
          <Credits balance={household.timeCredits?.balance ?? null} verified={household.verified} />
          <PostListingForm householdId={householdId} assisted={assisted} onPosted={refresh} />
          <section aria-labelledby={listingsId}>
            <Flex vertical gap={12}>
              <Typography.Title level={3} id={listingsId} style={{ fontSize: 18, margin: 0 }}>
                {t(assisted ? 'sharing.listings.headingFor' : 'sharing.listings.heading')}
              </Typography.Title>
              {(household.listings ?? []).length === 0 ? (
                <Empty description={t('sharing.listings.none')} />
              ) : (
                (household.listings ?? []).map((listing) => <ListingCard key={listing.id} listing={listing} householdId={householdId} onChanged={refresh} />)
              )}
            </Flex>
          </section>
        </>
      ) : result.fetching ? (
        <PageLoading />
      ) : null}
    </Flex>
  );
}

/** The household's time credit balance and whether its identity is verified. */
function Credits({ balance, verified }: { balance: number | null; verified: boolean }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('sharing.credits.heading')}>
      <Flex vertical gap={4}>
        {balance !== null ? (
          <Typography.Text strong style={{ fontSize: 18 }}>
            {t('sharing.credits.balance', { hours: formatHours(balance) })}
          </Typography.Text>
        ) : null}
        <Typography.Text type="secondary">{t('sharing.credits.explain')}</Typography.Text>
        <span>{verified ? <Tag color={GREEN}>{t('sharing.credits.verified')}</Tag> : <Typography.Text type="secondary">{t('sharing.credits.notVerified')}</Typography.Text>}</span>
      </Flex>
    </Card>
  );
}

interface PostValues {
  kind: ListingKind;
  type: ListingType;
  title: string;
  description: string;
  from: string;
  to: string;
  verifiedOnly: boolean;
  contactName?: string;
  contactPhone?: string;
}

/** Posting a need or an offer: one idempotency key per thing asked for, kept while it is pressed again after a failure. */
function PostListingForm({ householdId, assisted, onPosted }: { householdId: string; assisted: boolean; onPosted: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PostValues>();
  const [state, post] = useMutation(SharingPostListingMutation);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [posted, setPosted] = useState<string | null>(null);
  const attempt = useRef<{ key: string; what: string } | null>(null);
  const type = Form.useWatch('type', form);
  const headingId = useId();
  const [initial] = useState(() => ({
    kind: 'NEED' as ListingKind,
    type: 'SKILL' as ListingType,
    from: toShanghaiInput(Date.now()),
    to: toShanghaiInput(Date.now() + 7 * DAY_MS),
    verifiedOnly: false,
  }));
  const submit = async (values: PostValues) => {
    setRefusal(null);
    setPosted(null);
    const input = {
      householdId,
      kind: values.kind,
      type: values.type,
      title: values.title.trim(),
      description: values.description.trim(),
      availableFrom: fromShanghaiInput(values.from)!,
      availableTo: fromShanghaiInput(values.to)!,
      verifiedOnly: values.verifiedOnly,
      ...(values.contactName?.trim() ? { contactName: values.contactName.trim() } : {}),
      ...(values.contactPhone?.trim() ? { contactPhone: values.contactPhone.trim() } : {}),
    };
    const what = JSON.stringify(input);
    if (attempt.current?.what !== what) attempt.current = { key: newIdempotencyKey(), what };
    const answer = await post({
      input: { ...input, idempotencyKey: attempt.current.key },
    });
    if (answer.error) {
      setRefusal(
        sharingRefusal(answer.error, t, {
          BAD_USER_INPUT: t('sharing.refusals.postInvalid'),
          CONFLICT: t('sharing.refusals.postConflict'),
        }),
      );
      return;
    }
    attempt.current = null;
    setPosted(answer.data?.postListing?.title ?? input.title);
    form.resetFields(['title', 'description']);
    onPosted();
  };
  return (
    <section aria-labelledby={headingId}>
      <Card size="small">
        <Typography.Title level={3} id={headingId} style={{ fontSize: 18, marginTop: 0 }}>
          {t(assisted ? 'sharing.post.headingFor' : 'sharing.post.heading')}
        </Typography.Title>
        {assisted ? <Alert type="info" showIcon title={t('sharing.post.assistedNote')} style={{ marginBottom: 12 }} /> : null}
        <Form<PostValues> form={form} layout="vertical" requiredMark={false} initialValues={initial} onFinish={submit} aria-labelledby={headingId}>
          <Form.Item name="kind" label={t('sharing.post.kind')}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              size={BIG}
              options={KINDS.map((kind) => ({
                value: kind,
                label: t(`sharing.kinds.${kind}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="type" label={t('sharing.post.type')} extra={type && TIMED.includes(type) ? t('sharing.post.hoursNote') : undefined}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              size={BIG}
              options={TYPES.map((value) => ({
                value,
                label: t(`sharing.types.${value}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('sharing.post.title')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('sharing.post.required'),
              },
              { max: 100 },
            ]}
          >
            <Input size={BIG} maxLength={100} placeholder={t('sharing.post.titlePlaceholder')} />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('sharing.post.description')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('sharing.post.required'),
              },
              { max: 2000 },
            ]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Flex gap={8} wrap>
            <Form.Item name="from" label={t('sharing.post.from')} rules={[{ required: true, message: t('sharing.post.required') }]} style={{ flex: '1 1 160px' }}>
              <Input type="datetime-local" size={BIG} />
            </Form.Item>
            <Form.Item
              name="to"
              label={t('sharing.post.to')}
              dependencies={['from']}
              style={{ flex: '1 1 160px' }}
              rules={[
                { required: true, message: t('sharing.post.required') },
                ({ getFieldValue }) => ({
                  validator(_, value: string | undefined) {
                    const from = fromShanghaiInput(getFieldValue('from') as string | undefined);
                    const to = fromShanghaiInput(value);
                    return !from || !to || (Date.parse(to) > Date.parse(from) && Date.parse(to) > Date.now()) ? Promise.resolve() : Promise.reject(new Error(t('sharing.post.badWindow')));
                  },
                }),
              ]}
            >
              <Input type="datetime-local" size={BIG} />
            </Form.Item>
          </Flex>
          <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
            {t('sharing.post.window')}
          </Typography.Paragraph>
          <Form.Item name="verifiedOnly" valuePropName="checked">
            <Checkbox>{t('sharing.post.verifiedOnly')}</Checkbox>
          </Form.Item>
          <Form.Item name="contactName" label={t('sharing.post.contactName')} rules={[{ max: 50 }]}>
            <Input size={BIG} maxLength={50} autoComplete="name" />
          </Form.Item>
          <Form.Item name="contactPhone" label={t('sharing.post.contactPhone')} rules={[{ max: 20 }]}>
            <Input size={BIG} maxLength={20} inputMode="tel" autoComplete="tel" />
          </Form.Item>
          <Flex vertical gap={8}>
            <RefusalNotice refusal={refusal} />
            {posted ? <Alert type="success" showIcon role="status" title={t('sharing.post.posted', { title: posted })} /> : null}
            <Button type="primary" htmlType="submit" size={BIG} block loading={state.fetching}>
              {t('sharing.post.submit')}
            </Button>
          </Flex>
        </Form>
      </Card>
    </section>
  );
}

/** When a listing is open: from – to, in Beijing time. */
function Window({ from, to }: { from: string; to: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Typography.Text type="secondary">
      {t('sharing.listings.window', {
        from: formatShanghaiTime(from, i18n.language),
        to: formatShanghaiTime(to, i18n.language),
      })}
    </Typography.Text>
  );
}

/** One of the household's listings: what, when, where it stands, its matches and, while open, the suggestions. */
function ListingCard({ listing, householdId, onChanged }: { listing: HouseholdListing; householdId: string; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const titleId = useId();
  const matches = (listing.matches ?? []).filter((match) => match.status !== 'CANCELLED');
  return (
    <section aria-labelledby={titleId}>
      <Card size="small">
        <Flex vertical gap={8}>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <span>
              <Tag color={KIND_COLOR[listing.kind]}>{t(`sharing.kinds.${listing.kind}`)}</Tag>
              <Typography.Text strong id={titleId}>
                {listing.title}
              </Typography.Text>
            </span>
            <Tag color={STATUS_COLOR[listing.status]}>{t(`sharing.listingStatus.${listing.status}`)}</Tag>
          </Flex>
          <Typography.Text>{listing.description}</Typography.Text>
          <Flex wrap gap={4}>
            <Tag>{t(`sharing.types.${listing.type}`)}</Tag>
            {listing.householdVerified ? <Tag color={GREEN}>{t('sharing.listings.verified')}</Tag> : null}
            {listing.verifiedOnly ? <Tag>{t('sharing.listings.verifiedOnly')}</Tag> : null}
            {listing.assisted ? <Tag>{t('sharing.listings.assisted')}</Tag> : null}
          </Flex>
          <Window from={listing.availableFrom} to={listing.availableTo} />
          {listing.status === 'OPEN' ? (
            <Typography.Text type="secondary">
              {t('sharing.listings.expires', {
                time: formatShanghaiTime(listing.expiresAt, i18n.language),
              })}
            </Typography.Text>
          ) : null}
          {matches.map((match) => (
            <MatchItem key={match.id} match={match} listing={listing} householdId={householdId} onChanged={onChanged} />
          ))}
          {listing.status === 'OPEN' ? (
            <>
              <Button
                size={BIG}
                onClick={() => setOpen(!open)}
                aria-expanded={open}
                aria-label={
                  open
                    ? undefined
                    : t('sharing.listings.findMatchesNamed', {
                        title: listing.title,
                      })
                }
              >
                {t(open ? 'sharing.listings.hideMatches' : 'sharing.listings.findMatches')}
              </Button>
              {open ? <Suggestions listing={listing} onProposed={onChanged} /> : null}
            </>
          ) : null}
        </Flex>
      </Card>
    </section>
  );
}

/** The open listings a listing may be matched with, in the contract's order (same compound first), each to propose. */
function Suggestions({ listing, onProposed }: { listing: HouseholdListing; onProposed: () => void }) {
  const { t } = useTranslation();
  const [result, refetch] = useQuery({
    query: SharingSuggestionsQuery,
    variables: { listingId: listing.id },
    requestPolicy: 'network-only',
  });
  const [state, propose] = useMutation(SharingProposeMatchMutation);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const other = t(`sharing.kinds.${listing.kind === 'NEED' ? 'OFFER' : 'NEED'}`);
  const headingId = useId();
  const suggestions = result.data?.listing?.suggestedMatches;
  const proposeWith = async (candidate: { id: string }) => {
    setRefusal(null);
    const [needId, offerId] = listing.kind === 'NEED' ? [listing.id, candidate.id] : [candidate.id, listing.id];
    const answer = await propose({ needId, offerId });
    if (answer.error) {
      setRefusal(
        sharingRefusal(answer.error, t, {
          CONFLICT: t('sharing.refusals.proposeConflict'),
        }),
      );
      refetch({ requestPolicy: 'network-only' });
      return;
    }
    onProposed();
  };
  return (
    <section aria-labelledby={headingId}>
      <Flex vertical gap={8}>
        <Typography.Text strong id={headingId}>
          {t('sharing.suggestions.heading', { kind: other })}
        </Typography.Text>
        <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        <RefusalNotice refusal={refusal} />
        {suggestions ? (
          suggestions.length === 0 ? (
            <Typography.Text type="secondary">{t('sharing.suggestions.none', { kind: other })}</Typography.Text>
          ) : (
            <ol
              aria-labelledby={headingId}
              style={{
                listStyle: 'none',
                padding: 0,
                margin: 0,
                display: 'flex',
                flexDirection: 'column',
                gap: 8,
              }}
            >
              {suggestions.map((candidate) => (
                <li key={candidate.id}>
                  <Card size="small" styles={{ body: { background: '#fafafa' } }}>
                    <Flex vertical gap={4}>
                      <Typography.Text strong>{candidate.title}</Typography.Text>
                      <Typography.Text>{candidate.description}</Typography.Text>
                      <Flex wrap gap={4}>
                        <Tag color={candidate.compound.id === listing.compound.id ? GREEN : 'default'}>
                          {candidate.compound.id === listing.compound.id
                            ? t('sharing.suggestions.sameCompound')
                            : t('sharing.suggestions.community', {
                                compound: candidate.compound.name,
                              })}
                        </Tag>
                        {candidate.householdVerified ? <Tag color={GREEN}>{t('sharing.listings.verified')}</Tag> : null}
                      </Flex>
                      <Window from={candidate.availableFrom} to={candidate.availableTo} />
                      <Button
                        type="primary"
                        size={BIG}
                        loading={state.fetching}
                        onClick={() => void proposeWith(candidate)}
                        aria-label={t('sharing.suggestions.proposeNamed', {
                          title: candidate.title,
                        })}
                      >
                        {t('sharing.suggestions.propose')}
                      </Button>
                    </Flex>
                  </Card>
                </li>
              ))}
            </ol>
          )
        ) : result.fetching ? (
          <PageLoading />
        ) : null}
      </Flex>
    </section>
  );
}

/** A match of the listing: where it stands, and the household's next step (accept, complete, cancel); contacts once accepted. */
function MatchItem({ match, listing, householdId, onChanged }: { match: ListingMatch; listing: HouseholdListing; householdId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const [, accept] = useMutation(SharingAcceptMatchMutation);
  const [, complete] = useMutation(SharingCompleteMatchMutation);
  const [, cancel] = useMutation(SharingCancelMatchMutation);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [hours, setHours] = useState<number | null>(1);
  const title = listing.kind === 'NEED' ? match.offer.title : match.need.title;
  const proposedByUs = match.actions.find((action) => action.status === 'PROPOSED')?.householdId === householdId;
  const timed = TIMED.includes(listing.type);
  const act = async (run: () => Promise<{ error?: Parameters<typeof sharingRefusal>[0] }>, explain: Parameters<typeof sharingRefusal>[2]) => {
    setBusy(true);
    setRefusal(null);
    const answer = await run();
    setBusy(false);
    if (answer.error) setRefusal(sharingRefusal(answer.error, t, explain));
    else onChanged();
  };
  const live = match.status === 'PROPOSED' || match.status === 'ACCEPTED';
  return (
    <Card size="small" type="inner">
      <Flex vertical gap={8}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Text strong>{t('sharing.match.with', { title })}</Typography.Text>
          <Tag color={MATCH_COLOR[match.status]}>{t(`sharing.matchStatus.${match.status}`)}</Tag>
        </Flex>
        {match.status === 'PROPOSED' ? (
          <>
            <Typography.Text type="secondary">{t('sharing.match.hiddenContact')}</Typography.Text>
            {proposedByUs ? (
              <Typography.Text>{t('sharing.match.waitingOther')}</Typography.Text>
            ) : (
              <Button
                type="primary"
                size={BIG}
                loading={busy}
                aria-label={t('sharing.match.acceptNamed', { title })}
                onClick={() =>
                  void act(() => accept({ id: match.id }), {
                    FORBIDDEN: t('sharing.refusals.acceptForbidden'),
                    CONFLICT: t('sharing.refusals.acceptConflict'),
                  })
                }
              >
                {t('sharing.match.accept')}
              </Button>
            )}
          </>
        ) : null}
        {match.status === 'ACCEPTED' || match.status === 'COMPLETED' ? <Contacts matchId={match.id} side={listing.kind} /> : null}
        {match.status === 'COMPLETED' && match.hours !== null ? <Typography.Text>{t('sharing.match.moved', { hours: formatHours(match.hours) })}</Typography.Text> : null}
        {match.status === 'ACCEPTED' && listing.kind === 'NEED' ? (
          <>
            {timed ? (
              <Flex vertical gap={4}>
                <label htmlFor={`hours-${match.id}`}>{t('sharing.match.hours')}</label>
                <InputNumber
                  id={`hours-${match.id}`}
                  aria-label={t('sharing.match.hoursNamed', { title })}
                  size={BIG}
                  min={0.25}
                  max={24}
                  step={0.25}
                  value={hours}
                  onChange={(value) => setHours(value)}
                  style={{ width: 160 }}
                />
                <Typography.Text type="secondary">
                  {t('sharing.match.completeNote', {
                    hours: formatHours(hours ?? 0),
                  })}
                </Typography.Text>
              </Flex>
            ) : null}
            <Button
              type="primary"
              size={BIG}
              loading={busy}
              disabled={timed && !hours}
              aria-label={t('sharing.match.completeNamed', { title })}
              onClick={() =>
                void act(() => complete({ id: match.id, hours: timed ? hours : null }), {
                  CONFLICT: t('sharing.refusals.completeFloor'),
                  BAD_USER_INPUT: t('sharing.refusals.completeInvalid'),
                })
              }
            >
              {t('sharing.match.complete')}
            </Button>
          </>
        ) : null}
        {live ? (
          <Button
            danger
            size={BIG}
            loading={busy}
            aria-label={t('sharing.match.cancelNamed', { title })}
            onClick={() =>
              void act(() => cancel({ id: match.id }), {
                CONFLICT: t('sharing.refusals.cancelConflict'),
              })
            }
          >
            {t('sharing.match.cancel')}
          </Button>
        ) : null}
        <RefusalNotice refusal={refusal} />
      </Flex>
    </Card>
  );
}

/** The other side's contact details, asked only once the match is accepted (the platform refuses them before). */
function Contacts({ matchId, side }: { matchId: string; side: ListingKind }) {
  const { t } = useTranslation();
  const [result, refetch] = useQuery({
    query: SharingMatchContactsQuery,
    variables: { id: matchId },
  });
  const match = result.data?.match;
  const contact = match ? (side === 'NEED' ? match.offerContact : match.needContact) : null;
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Typography.Text strong id={headingId}>
        {t('sharing.match.contact')}
      </Typography.Text>
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {contact ? (
        <Flex vertical>
          {contact.name ? <Typography.Text>{t('sharing.match.contactName', { name: contact.name })}</Typography.Text> : null}
          {contact.phone ? (
            <Typography.Text>
              {t('sharing.match.contactPhone', { phone: '' })}
              <a href={`tel:${contact.phone}`}>{contact.phone}</a>
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary">{t('sharing.match.noPhone')}</Typography.Text>
          )}
          <Typography.Text>{t('sharing.match.contactAddress', { address: contact.address })}</Typography.Text>
        </Flex>
      ) : null}
    </section>
  );
}
