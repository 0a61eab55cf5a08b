CREATE TABLE "delivery_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submitted_by" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "delivery_batches_submitter_key" UNIQUE("submitted_by","idempotency_key")
);
