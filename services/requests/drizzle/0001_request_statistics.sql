CREATE TABLE "request_callbacks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"resolved" boolean NOT NULL,
	"satisfaction" text NOT NULL,
	"note" text,
	"at" timestamp with time zone NOT NULL,
	"by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_community_stats" (
	"community_id" text NOT NULL,
	"month" text NOT NULL,
	"category_code" text NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"open" integer DEFAULT 0 NOT NULL,
	"overdue" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"dispatched" integer DEFAULT 0 NOT NULL,
	"responded_on_time" integer DEFAULT 0 NOT NULL,
	"callbacks" integer DEFAULT 0 NOT NULL,
	"resolved_callbacks" integer DEFAULT 0 NOT NULL,
	"satisfied_callbacks" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "request_community_stats_pkey" PRIMARY KEY("community_id","month","category_code")
);
--> statement-breakpoint
CREATE TABLE "request_dispatches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"street_id" text,
	"department_id" uuid,
	"dispatched_at" timestamp with time zone NOT NULL,
	"by" text NOT NULL,
	CONSTRAINT "request_dispatches_one_unit" CHECK (("request_dispatches"."street_id" IS NULL) <> ("request_dispatches"."department_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "request_unit_stats" (
	"city_id" text NOT NULL,
	"month" text NOT NULL,
	"unit_kind" text NOT NULL,
	"unit_id" text NOT NULL,
	"dispatched" integer DEFAULT 0 NOT NULL,
	"responded_on_time" integer DEFAULT 0 NOT NULL,
	"callbacks" integer DEFAULT 0 NOT NULL,
	"resolved_callbacks" integer DEFAULT 0 NOT NULL,
	"satisfied_callbacks" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "request_unit_stats_pkey" PRIMARY KEY("city_id","month","unit_kind","unit_id")
);
--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "dispatch_count" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "callback_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "resolved_callbacks" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "satisfied_callbacks" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "overdue" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "request_callbacks" ADD CONSTRAINT "request_callbacks_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_dispatches" ADD CONSTRAINT "request_dispatches_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_dispatches" ADD CONSTRAINT "request_dispatches_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "request_callbacks_request_idx" ON "request_callbacks" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "request_community_stats_month_idx" ON "request_community_stats" USING btree ("month");--> statement-breakpoint
CREATE INDEX "request_dispatches_request_idx" ON "request_dispatches" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "requests_overdue_idx" ON "requests" USING btree ("community_id" text_pattern_ops,"received_at") WHERE "requests"."overdue";--> statement-breakpoint
CREATE INDEX "requests_response_watch_idx" ON "requests" USING btree ("response_deadline") WHERE NOT "requests"."overdue" AND "requests"."responded_at" IS NULL AND "requests"."status" NOT IN ('CLOSED', 'REPLIED');--> statement-breakpoint
CREATE INDEX "requests_resolution_watch_idx" ON "requests" USING btree ("resolution_deadline") WHERE NOT "requests"."overdue" AND "requests"."status" NOT IN ('CLOSED', 'REPLIED');--> statement-breakpoint
-- Requests filed before this migration keep their last dispatch and last callback (earlier ones were not recorded).
INSERT INTO "request_dispatches" ("request_id", "street_id", "department_id", "dispatched_at", "by")
SELECT "id", "street_id", "department_id", "dispatched_at", "filed_by" FROM "requests";--> statement-breakpoint
INSERT INTO "request_callbacks" ("request_id", "resolved", "satisfaction", "note", "at", "by")
SELECT "id", "callback_resolved", "callback_satisfaction", "callback_note", "callback_at", 'unknown' FROM "requests" WHERE "callback_at" IS NOT NULL;--> statement-breakpoint
UPDATE "requests" SET "callback_count" = 1, "resolved_callbacks" = "callback_resolved"::int,
  "satisfied_callbacks" = ("callback_satisfaction" <> 'DISSATISFIED')::int WHERE "callback_at" IS NOT NULL;--> statement-breakpoint
INSERT INTO "request_community_stats" ("community_id", "month", "category_code", "received", "open", "overdue", "closed", "dispatched", "responded_on_time", "callbacks", "resolved_callbacks", "satisfied_callbacks")
SELECT "community_id", to_char("received_at" AT TIME ZONE INTERVAL '+08:00', 'YYYY-MM'), "category_code", count(*), count(*) FILTER (WHERE "status" <> 'CLOSED'), 0,
       count(*) FILTER (WHERE "status" = 'CLOSED'), sum("dispatch_count"), sum(("responded_at" IS NOT NULL AND "responded_at" <= "response_deadline")::int),
       sum("callback_count"), sum("resolved_callbacks"), sum("satisfied_callbacks")
FROM "requests" GROUP BY 1, 2, 3;--> statement-breakpoint
INSERT INTO "request_unit_stats" ("city_id", "month", "unit_kind", "unit_id", "dispatched", "responded_on_time", "callbacks", "resolved_callbacks", "satisfied_callbacks")
SELECT "city_id", to_char("dispatched_at" AT TIME ZONE INTERVAL '+08:00', 'YYYY-MM'), CASE WHEN "street_id" IS NULL THEN 'DEPARTMENT' ELSE 'STREET' END,
       coalesce("street_id", "department_id"::text), count(*), sum(("responded_at" IS NOT NULL AND "responded_at" <= "response_deadline")::int),
       sum("callback_count"), sum("resolved_callbacks"), sum("satisfied_callbacks")
FROM "requests" GROUP BY 1, 2, 3, 4;
