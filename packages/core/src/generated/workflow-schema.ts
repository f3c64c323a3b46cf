/* eslint-disable */
/**
 * DO NOT EDIT: generated from packages/core/schema/workflow.schema.json by packages/core/scripts/generate.ts.
 * Change the schema, then run `pnpm generate`.
 */

/** The JSON Schema of a workflow definition (draft-07). */
export const workflowSchema = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://flowline.dev/schemas/workflow.schema.json",
  "title": "WorkflowDefinition",
  "description": "A Flowline workflow: one trigger and the steps a matching event runs, in order. Mappings are JSONata; connections are named, never inlined.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "id",
    "name",
    "version",
    "trigger",
    "steps"
  ],
  "properties": {
    "$schema": {
      "type": "string",
      "description": "Path or URL of this schema, for editors."
    },
    "id": {
      "type": "string",
      "pattern": "^[a-z0-9][a-z0-9._-]{0,99}$",
      "description": "Stable identifier: lower-case letters, digits, dot, dash, underscore."
    },
    "name": {
      "type": "string",
      "minLength": 1,
      "maxLength": 200
    },
    "version": {
      "type": "integer",
      "minimum": 1,
      "description": "Bumped by the author on each change."
    },
    "description": {
      "type": "string"
    },
    "trigger": {
      "$ref": "#/definitions/Trigger"
    },
    "templates": {
      "type": "object",
      "description": "Named mappings, used from any mapping as {\"$use\": \"name\"}.",
      "propertyNames": {
        "pattern": "^[A-Za-z_][A-Za-z0-9_]*$"
      },
      "additionalProperties": {
        "$ref": "#/definitions/Mapping"
      }
    },
    "steps": {
      "$ref": "#/definitions/StepList"
    }
  },
  "definitions": {
    "Trigger": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "operation"
      ],
      "properties": {
        "operation": {
          "type": "string",
          "description": "A trigger operation id from the catalog, e.g. pushpress.customer.created."
        },
        "filter": {
          "type": "string",
          "description": "JSONata over the event payload; a run starts only when it is true."
        },
        "input": {
          "type": "object",
          "description": "flowline.manual only: a JSON Schema the payload of a manual run must satisfy (ajv, draft-07 keywords); a payload that does not is refused with JSON pointers."
        },
        "schedule": {
          "type": "object",
          "additionalProperties": false,
          "required": [
            "cron"
          ],
          "description": "flowline.schedule only: when runs start.",
          "properties": {
            "cron": {
              "type": "string",
              "minLength": 9,
              "maxLength": 120,
              "description": "A cron pattern of 5 fields (minute hour day-of-month month day-of-week), or 6 with seconds first, e.g. \"0 9 1 * *\" (09:00 on the 1st of each month)."
            },
            "timeZone": {
              "type": "string",
              "minLength": 1,
              "maxLength": 64,
              "description": "An IANA time zone (America/New_York) the pattern is read in; default the tenant's $config.timeZone, else UTC."
            }
          }
        }
      }
    },
    "Expression": {
      "type": "string",
      "minLength": 1,
      "description": "A JSONata expression. A leading '=' is allowed and ignored."
    },
    "Mapping": {
      "description": "A JSONata expression (a string), or an object/array whose string values starting with '=' are JSONata and the rest literal. {\"$use\": \"template\"} inserts a named template; other keys beside $use extend or override it.",
      "anyOf": [
        {
          "type": "string"
        },
        {
          "type": "number"
        },
        {
          "type": "boolean"
        },
        {
          "type": "null"
        },
        {
          "type": "array",
          "items": {
            "$ref": "#/definitions/Mapping"
          }
        },
        {
          "type": "object",
          "additionalProperties": {
            "$ref": "#/definitions/Mapping"
          }
        }
      ]
    },
    "StepList": {
      "type": "array",
      "minItems": 1,
      "items": {
        "$ref": "#/definitions/Step"
      }
    },
    "StepId": {
      "type": "string",
      "pattern": "^[A-Za-z][A-Za-z0-9_]{0,63}$",
      "description": "Unique in the workflow; earlier steps' outputs are $steps.<id>."
    },
    "RetryPolicy": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "attempts": {
          "type": "integer",
          "minimum": 1,
          "maximum": 20,
          "description": "Attempts in all, the first included. Default 3 for actions."
        },
        "initialDelayMs": {
          "type": "integer",
          "minimum": 0,
          "maximum": 3600000,
          "description": "Default 500."
        },
        "factor": {
          "type": "number",
          "minimum": 1,
          "maximum": 10,
          "description": "Default 2."
        },
        "maxDelayMs": {
          "type": "integer",
          "minimum": 0,
          "maximum": 3600000,
          "description": "Default 30000."
        },
        "jitter": {
          "type": "boolean",
          "description": "Randomize each delay between 1x and 2x. Default true."
        },
        "retryOn": {
          "type": "array",
          "uniqueItems": true,
          "description": "Error categories that retry. Default: network, timeout, rate_limited, server. validation, credentials, permission, not_found and expression never retry.",
          "items": {
            "enum": [
              "validation",
              "credentials",
              "permission",
              "not_found",
              "conflict",
              "rate_limited",
              "server",
              "network",
              "timeout",
              "expression",
              "internal"
            ]
          }
        }
      }
    },
    "OnError": {
      "description": "What a failure of this step does: fail the run (default), continue with the next step (the error is in $steps.<id>.error), or run fallback steps ($error in scope) and continue.",
      "anyOf": [
        {
          "enum": [
            "fail",
            "continue"
          ]
        },
        {
          "$ref": "#/definitions/StepList"
        }
      ]
    },
    "Step": {
      "type": "object",
      "required": [
        "id",
        "type"
      ],
      "properties": {
        "id": {
          "$ref": "#/definitions/StepId"
        },
        "type": {
          "enum": [
            "action",
            "if",
            "switch",
            "forEach",
            "set",
            "fail",
            "succeed",
            "delay",
            "loop",
            "call"
          ]
        }
      },
      "allOf": [
        {
          "if": {
            "properties": {
              "type": {
                "const": "action"
              }
            }
          },
          "then": {
            "$ref": "#/definitions/ActionStep"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "if"
              }
            }
          },
          "then": {
            "$ref": "#/definitions/IfStep"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "switch"
              }
            }
          },
          "then": {
            "$ref": "#/definitions/SwitchStep"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "forEach"
              }
            }
          },
          "then": {
            "$ref": "#/definitions/ForEachStep"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "set"
              }
            }
          },
          "then": {
            "$ref": "#/definitions/SetStep"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "fail"
              }
            }
          },
          "then": {
            "$ref": "#/definitions/FailStep"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "succeed"
              }
            }
          },
          "then": {
            "$ref": "#/definitions/SucceedStep"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "delay"
              }
            }
          },
          "then": {
            "$ref": "#/definitions/DelayStep"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "loop"
              }
            }
          },
          "then": {
            "$ref": "#/definitions/LoopStep"
          }
        },
        {
          "if": {
            "properties": {
              "type": {
                "const": "call"
              }
            }
          },
          "then": {
            "$ref": "#/definitions/CallStep"
          }
        }
      ],
      "tsType": "ActionStep | IfStep | SwitchStep | ForEachStep | SetStep | FailStep | SucceedStep | DelayStep | LoopStep | CallStep"
    },
    "ActionStep": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "type",
        "operation",
        "connection"
      ],
      "properties": {
        "id": {
          "$ref": "#/definitions/StepId"
        },
        "type": {
          "const": "action"
        },
        "name": {
          "type": "string"
        },
        "description": {
          "type": "string"
        },
        "operation": {
          "type": "string",
          "description": "An action operation id from the catalog, e.g. ghl.contacts.upsert-contact."
        },
        "connection": {
          "type": "string",
          "pattern": "^[A-Za-z0-9_.-]{1,100}$",
          "description": "The name of a connection the host configured."
        },
        "input": {
          "$ref": "#/definitions/Mapping"
        },
        "idempotencyKey": {
          "$ref": "#/definitions/Expression"
        },
        "rateLimit": {
          "$ref": "#/definitions/RateLimit"
        },
        "timeoutMs": {
          "type": "integer",
          "minimum": 1,
          "maximum": 3600000
        },
        "retry": {
          "$ref": "#/definitions/RetryPolicy"
        },
        "onError": {
          "$ref": "#/definitions/OnError"
        }
      }
    },
    "RateLimit": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "limit",
        "intervalMs"
      ],
      "description": "Shared by every run of every workflow on this engine that uses the same key.",
      "properties": {
        "key": {
          "$ref": "#/definitions/Expression",
          "description": "JSONata giving the limiter key; default: the operation's connector and connection."
        },
        "limit": {
          "type": "integer",
          "minimum": 1
        },
        "intervalMs": {
          "type": "integer",
          "minimum": 1
        },
        "concurrency": {
          "type": "integer",
          "minimum": 1
        }
      }
    },
    "IfStep": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "type",
        "condition",
        "then"
      ],
      "properties": {
        "id": {
          "$ref": "#/definitions/StepId"
        },
        "type": {
          "const": "if"
        },
        "name": {
          "type": "string"
        },
        "description": {
          "type": "string"
        },
        "condition": {
          "$ref": "#/definitions/Expression"
        },
        "then": {
          "$ref": "#/definitions/StepList"
        },
        "else": {
          "$ref": "#/definitions/StepList"
        },
        "timeoutMs": {
          "type": "integer",
          "minimum": 1,
          "maximum": 3600000
        },
        "onError": {
          "$ref": "#/definitions/OnError"
        }
      }
    },
    "SwitchStep": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "type",
        "cases"
      ],
      "description": "Runs the steps of the first case whose condition is true, else the default steps (when given). $steps.<id> is the index of the case that ran (from 0), \"default\", or null when nothing ran.",
      "properties": {
        "id": {
          "$ref": "#/definitions/StepId"
        },
        "type": {
          "const": "switch"
        },
        "name": {
          "type": "string"
        },
        "description": {
          "type": "string"
        },
        "cases": {
          "type": "array",
          "minItems": 1,
          "maxItems": 50,
          "items": {
            "$ref": "#/definitions/SwitchCase"
          },
          "description": "Tried in order; the first whose condition is true runs."
        },
        "default": {
          "$ref": "#/definitions/StepList"
        },
        "timeoutMs": {
          "type": "integer",
          "minimum": 1,
          "maximum": 3600000
        },
        "onError": {
          "$ref": "#/definitions/OnError"
        }
      }
    },
    "SwitchCase": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "when",
        "steps"
      ],
      "properties": {
        "when": {
          "$ref": "#/definitions/Expression",
          "description": "JSONata condition, true or false as in if."
        },
        "name": {
          "type": "string"
        },
        "steps": {
          "$ref": "#/definitions/StepList"
        }
      }
    },
    "ForEachStep": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "type",
        "over",
        "steps"
      ],
      "properties": {
        "id": {
          "$ref": "#/definitions/StepId"
        },
        "type": {
          "const": "forEach"
        },
        "name": {
          "type": "string"
        },
        "description": {
          "type": "string"
        },
        "over": {
          "$ref": "#/definitions/Expression",
          "description": "JSONata giving the array to walk."
        },
        "as": {
          "type": "string",
          "pattern": "^[A-Za-z_][A-Za-z0-9_]*$",
          "description": "The item's variable name; default item ($item, with $index)."
        },
        "concurrency": {
          "type": "integer",
          "minimum": 1,
          "maximum": 100,
          "description": "Items run at once; default 1 (in order)."
        },
        "maxIterations": {
          "type": "integer",
          "minimum": 1,
          "maximum": 100000,
          "description": "More items fail the step; default 1000."
        },
        "steps": {
          "$ref": "#/definitions/StepList"
        },
        "timeoutMs": {
          "type": "integer",
          "minimum": 1,
          "maximum": 3600000
        },
        "onError": {
          "$ref": "#/definitions/OnError"
        }
      }
    },
    "SetStep": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "type",
        "var",
        "value"
      ],
      "properties": {
        "id": {
          "$ref": "#/definitions/StepId"
        },
        "type": {
          "const": "set"
        },
        "name": {
          "type": "string"
        },
        "description": {
          "type": "string"
        },
        "var": {
          "type": "string",
          "pattern": "^[A-Za-z_][A-Za-z0-9_]*$",
          "description": "Later mappings read it as $vars.<var>."
        },
        "value": {
          "$ref": "#/definitions/Mapping"
        },
        "timeoutMs": {
          "type": "integer",
          "minimum": 1,
          "maximum": 3600000
        },
        "onError": {
          "$ref": "#/definitions/OnError"
        }
      }
    },
    "FailStep": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "type",
        "message"
      ],
      "properties": {
        "id": {
          "$ref": "#/definitions/StepId"
        },
        "type": {
          "const": "fail"
        },
        "name": {
          "type": "string"
        },
        "description": {
          "type": "string"
        },
        "message": {
          "$ref": "#/definitions/Mapping",
          "description": "A literal message, or '=' JSONata."
        },
        "code": {
          "type": "string",
          "pattern": "^[A-Za-z0-9_.-]{1,100}$"
        }
      }
    },
    "SucceedStep": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "type"
      ],
      "properties": {
        "id": {
          "$ref": "#/definitions/StepId"
        },
        "type": {
          "const": "succeed"
        },
        "name": {
          "type": "string"
        },
        "description": {
          "type": "string"
        },
        "output": {
          "$ref": "#/definitions/Mapping"
        }
      }
    },
    "DelayDuration": {
      "description": "How long to wait: an ISO 8601 duration (P3D, PT2H30M, P1W; years and months count calendar months in UTC), or parts that add up ({ \"days\": 3, \"hours\": 2 }).",
      "anyOf": [
        {
          "type": "string",
          "minLength": 2,
          "maxLength": 64
        },
        {
          "type": "object",
          "additionalProperties": false,
          "minProperties": 1,
          "properties": {
            "days": {
              "type": "integer",
              "minimum": 0,
              "maximum": 3660
            },
            "hours": {
              "type": "integer",
              "minimum": 0,
              "maximum": 87840
            },
            "minutes": {
              "type": "integer",
              "minimum": 0,
              "maximum": 5270400
            },
            "seconds": {
              "type": "integer",
              "minimum": 0,
              "maximum": 316224000
            }
          }
        }
      ]
    },
    "DelayStep": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "type"
      ],
      "description": "Waits, durably: the run's snapshot is saved and the run is listed as waiting (nothing of it in memory) until its timer is due, across restarts; then the next step runs. Give exactly one of for (a duration from when the step is reached) and until (a time). A time already past goes on at once. $steps.<id> is { until } (the ISO time it waited for).",
      "properties": {
        "id": {
          "$ref": "#/definitions/StepId"
        },
        "type": {
          "const": "delay"
        },
        "name": {
          "type": "string"
        },
        "description": {
          "type": "string"
        },
        "for": {
          "$ref": "#/definitions/DelayDuration"
        },
        "until": {
          "type": "string",
          "minLength": 1,
          "description": "An ISO time with its offset (2026-12-24T09:00:00-05:00 or ...Z), or, starting with '=', a JSONata expression giving an ISO time or milliseconds since the epoch."
        },
        "onError": {
          "$ref": "#/definitions/OnError"
        }
      }
    },
    "LoopStep": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "type",
        "steps",
        "maxIterations"
      ],
      "description": "Runs its steps again and again with a cursor (paging): the cursor starts as init; before each iteration while (when given) must be true; after it the cursor becomes update, then until (when given) ends the loop when true. Inside, $cursor (or $<as>) and $iteration (from 0) are bound and $steps holds the iteration's own steps. More than maxIterations iterations fail the step. $steps.<id> is { iterations, cursor }.",
      "properties": {
        "id": {
          "$ref": "#/definitions/StepId"
        },
        "type": {
          "const": "loop"
        },
        "name": {
          "type": "string"
        },
        "description": {
          "type": "string"
        },
        "init": {
          "$ref": "#/definitions/Mapping",
          "description": "The cursor before the first iteration, e.g. { \"startAfterId\": null }; default {}."
        },
        "steps": {
          "$ref": "#/definitions/StepList"
        },
        "update": {
          "$ref": "#/definitions/Mapping",
          "description": "The cursor after an iteration, from that iteration's $steps and the old $cursor; default the cursor unchanged."
        },
        "while": {
          "$ref": "#/definitions/Expression",
          "description": "JSONata checked before each iteration (with $cursor); the loop ends when it is false."
        },
        "until": {
          "$ref": "#/definitions/Expression",
          "description": "JSONata checked after each iteration, once the cursor is updated; the loop ends when it is true."
        },
        "as": {
          "type": "string",
          "pattern": "^[A-Za-z_][A-Za-z0-9_]*$",
          "description": "The cursor's variable name; default cursor ($cursor, with $iteration)."
        },
        "maxIterations": {
          "type": "integer",
          "minimum": 1,
          "maximum": 1000,
          "description": "Required: a loop that would go on past this many iterations fails the step."
        },
        "onError": {
          "$ref": "#/definitions/OnError"
        }
      }
    },
    "CallStep": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "type",
        "workflow"
      ],
      "description": "Runs another published workflow of the tenant (a sub-workflow) with input as its event payload, waits for it to end and takes its output: the output of the succeed step that ended it, else its steps' outputs by id. The callee run records this run and step as its parent. A callee that fails fails this step. Calls nest at most 5 deep.",
      "properties": {
        "id": {
          "$ref": "#/definitions/StepId"
        },
        "type": {
          "const": "call"
        },
        "name": {
          "type": "string"
        },
        "description": {
          "type": "string"
        },
        "workflow": {
          "type": "string",
          "minLength": 1,
          "maxLength": 100,
          "pattern": "^[a-z0-9][a-z0-9._-]*$",
          "description": "The id of the workflow to run."
        },
        "version": {
          "type": "integer",
          "minimum": 1,
          "description": "The version to run (a published or earlier saved one); default the published version."
        },
        "input": {
          "$ref": "#/definitions/Mapping",
          "description": "The callee's $event."
        },
        "onError": {
          "$ref": "#/definitions/OnError"
        }
      }
    }
  }
};
