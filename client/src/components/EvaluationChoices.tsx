import { Text, View } from '@tarojs/components';
import { isNegative, RATING_LABELS, RATINGS, type Rating } from '../../../shared/domain/evaluation/rules';
import { Tappable } from './Tappable';
import './evaluation.css';

/** The choices of an evaluation form and a supervisor's report: the five levels and the aspect tags. */

/** The five levels as large rows, one tap each; 不满意 and 非常不满意 are marked as 差评 when picked. */
export function RatingChoices({ value, onChange }: { value: Rating | null; onChange: (rating: Rating) => void }) {
  return (
    <View id="form-field-rating" className="rating-choices" role="radiogroup" aria-label="满意程度">
      {RATINGS.map((rating) => (
        <Tappable
          key={rating}
          className={`rating-choice rating-choice--${rating} ${isNegative(rating) ? 'rating-choice--negative' : ''} ${value === rating ? 'rating-choice--on' : ''}`}
          label={`${RATING_LABELS[rating]}${value === rating ? '（已选）' : ''}`}
          onTap={() => onChange(rating)}
        >
          <Text className="rating-choice__mark">{value === rating ? '●' : '○'}</Text>
          <Text>{RATING_LABELS[rating]}</Text>
        </Tappable>
      ))}
    </View>
  );
}

/** Aspect tags as chips; any number, none required. */
export function TagChoices({ tags, picked, onToggle }: { tags: string[]; picked: string[]; onToggle: (tag: string) => void }) {
  return (
    <View className="tag-choices">
      {tags.map((tag) => (
        <Tappable key={tag} className={`tag-choice ${picked.includes(tag) ? 'tag-choice--on' : ''}`} label={`${tag}${picked.includes(tag) ? '（已选）' : ''}`} onTap={() => onToggle(tag)}>
          {tag}
        </Tappable>
      ))}
    </View>
  );
}
