CREATE TABLE "departments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"city_id" text NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "departments_city_name_key" UNIQUE("city_id","name"),
	CONSTRAINT "departments_city_code" CHECK ("departments"."city_id" ~ '^[0-9]{4}$')
);
--> statement-breakpoint
CREATE TABLE "request_categories" (
	"city_id" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"urgency" text NOT NULL,
	"responsible_department_id" uuid,
	"supervising_department_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "request_categories_pkey" PRIMARY KEY("city_id","code")
);
--> statement-breakpoint
CREATE TABLE "request_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"request_id" uuid NOT NULL,
	"status" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"city_id" text NOT NULL,
	"community_id" text NOT NULL,
	"category_code" text NOT NULL,
	"description" text NOT NULL,
	"channel" text NOT NULL,
	"household_id" uuid,
	"caller_name" text,
	"caller_phone" text,
	"status" text NOT NULL,
	"street_id" text,
	"department_id" uuid,
	"received_at" timestamp with time zone NOT NULL,
	"dispatched_at" timestamp with time zone NOT NULL,
	"response_deadline" timestamp with time zone NOT NULL,
	"resolution_deadline" timestamp with time zone NOT NULL,
	"responded_at" timestamp with time zone,
	"replied_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"reply" text,
	"return_count" integer DEFAULT 0 NOT NULL,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"callback_resolved" boolean,
	"callback_satisfaction" text,
	"callback_note" text,
	"callback_at" timestamp with time zone,
	"filed_by" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"fingerprint" text NOT NULL,
	CONSTRAINT "requests_filed_by_idempotency_key" UNIQUE("filed_by","idempotency_key"),
	CONSTRAINT "requests_community_code" CHECK ("requests"."community_id" ~ '^[0-9]{12}$'),
	CONSTRAINT "requests_one_unit" CHECK (("requests"."street_id" IS NULL) <> ("requests"."department_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "summons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"note" text NOT NULL,
	"summoned_by" text NOT NULL,
	"summoned_at" timestamp with time zone NOT NULL,
	"report_deadline" timestamp with time zone NOT NULL,
	"reported_at" timestamp with time zone,
	"report_note" text
);
--> statement-breakpoint
ALTER TABLE "request_categories" ADD CONSTRAINT "request_categories_responsible_department_id_departments_id_fk" FOREIGN KEY ("responsible_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_categories" ADD CONSTRAINT "request_categories_supervising_department_id_departments_id_fk" FOREIGN KEY ("supervising_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_history" ADD CONSTRAINT "request_history_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "summons" ADD CONSTRAINT "summons_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "summons" ADD CONSTRAINT "summons_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "request_history_request_idx" ON "request_history" USING btree ("request_id","seq");--> statement-breakpoint
CREATE INDEX "requests_community_received_idx" ON "requests" USING btree ("community_id" text_pattern_ops,"received_at");--> statement-breakpoint
CREATE INDEX "requests_street_idx" ON "requests" USING btree ("street_id");--> statement-breakpoint
CREATE INDEX "requests_department_idx" ON "requests" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "requests_household_idx" ON "requests" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "summons_request_idx" ON "summons" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "summons_department_idx" ON "summons" USING btree ("department_id");