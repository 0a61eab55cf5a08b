CREATE TABLE "emergency_shifts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" text NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"party_member_id" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"idempotency_key" text NOT NULL,
	"fingerprint" text NOT NULL,
	CONSTRAINT "emergency_shifts_key" UNIQUE("community_id","idempotency_key"),
	CONSTRAINT "emergency_shifts_length" CHECK ("emergency_shifts"."ended_at" > "emergency_shifts"."started_at" AND "emergency_shifts"."ended_at" <= "emergency_shifts"."started_at" + interval '24 hours')
);
--> statement-breakpoint
ALTER TABLE "emergency_shifts" ADD CONSTRAINT "emergency_shifts_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_shifts" ADD CONSTRAINT "emergency_shifts_party_member_id_party_members_id_fk" FOREIGN KEY ("party_member_id") REFERENCES "public"."party_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "emergency_shifts_volunteer_started_idx" ON "emergency_shifts" USING btree ("volunteer_id","started_at");--> statement-breakpoint
CREATE INDEX "emergency_shifts_party_member_idx" ON "emergency_shifts" USING btree ("party_member_id","started_at") WHERE "emergency_shifts"."party_member_id" IS NOT NULL;