ALTER TABLE "group_buys" ADD COLUMN "participant_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Group buys joined before the count was kept with the writes: counted once here.
UPDATE "group_buys" AS g SET "participant_count" = c.households
FROM (SELECT "group_buy_id", count(DISTINCT "household_id")::int AS households FROM "participations" GROUP BY "group_buy_id") AS c
WHERE c."group_buy_id" = g."id";--> statement-breakpoint
ALTER TABLE "group_buys" ADD CONSTRAINT "group_buys_participant_count" CHECK ("group_buys"."participant_count" >= 0);
